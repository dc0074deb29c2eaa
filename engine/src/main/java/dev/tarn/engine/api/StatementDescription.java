package dev.tarn.engine.api;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a statement would produce and take, found without running it (what a Flight SQL or JDBC client asks when it
 * prepares a statement). For a query the result columns are those of its plan, so they are what execution returns
 * when parameter values have the types described; SHOW, DESCRIBE and EXPLAIN have fixed string columns.
 *
 * @param resultSchema the result columns; empty for a statement without a result set (DDL, USE)
 * @param parameters one nullable field per {@code ?} marker, in order, typed by the marker's context in the SQL
 *     ({@code x = ?} takes the type of x), VARCHAR where the SQL gives none
 */
public record StatementDescription(Schema resultSchema, List<Field> parameters) {

  public StatementDescription {
    parameters = List.copyOf(parameters);
  }

  /** Whether the statement produces a result set (queries, SHOW, DESCRIBE, EXPLAIN). */
  public boolean hasResultSet() {
    return !resultSchema.getFields().isEmpty();
  }
}
