package dev.tarn.engine.plan;

/** Orders by input column {@code column}; NULLs placed first or last as stated. */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {
  @Override
  public String toString() {
    return "$" + column + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
