package dev.tarn.engine.plan;

/**
 * The kinds of join Tarn executes. INNER, LEFT, RIGHT and FULL output the left columns then the right ones (the
 * outer sides' columns NULL for rows without a match); SEMI and ANTI output the left rows that have at least one
 * match (SEMI, as EXISTS) or none (ANTI, as NOT EXISTS), left columns only; CROSS pairs every row with every row.
 */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI, CROSS;

  /** True when the output holds only the left input's columns. */
  public boolean outputsLeftOnly() {
    return this == SEMI || this == ANTI;
  }

  /** True when left rows without a match are kept, with NULL right columns. */
  public boolean keepsUnmatchedLeft() {
    return this == LEFT || this == FULL;
  }

  /** True when right rows without a match are kept, with NULL left columns. */
  public boolean keepsUnmatchedRight() {
    return this == RIGHT || this == FULL;
  }
}
