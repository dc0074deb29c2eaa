package dev.tarn.engine.sql.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A schema of system tables ({@code system}, {@code information_schema}) as Calcite sees it. */
public final class SystemSchema extends AbstractSchema {

  private final String schema;

  public SystemSchema(String schema) {
    this.schema = schema;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (SystemTables.Definition definition : SystemTables.inSchema(schema)) {
      tables.put(definition.name(), new SystemTable(definition));
    }
    return tables;
  }
}
