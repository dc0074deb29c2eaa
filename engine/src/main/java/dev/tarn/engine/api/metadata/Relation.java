package dev.tarn.engine.api.metadata;

import java.util.List;

/**
 * A table as metadata shows it, a catalog table or one of the engine's own: its schema (database), name, type (one
 * of {@link TableTypes}), remarks (the table's description, null if none) and columns in SQL's order.
 */
public record Relation(String schema, String name, String type, String remarks, List<RelationColumn> columns) {

  public Relation {
    columns = List.copyOf(columns);
  }

  public boolean isView() {
    return TableTypes.VIEW.equals(type);
  }
}
