package dev.tarn.engine.sql.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The {@code system} schema as Calcite sees it: one {@link SystemTable} per engine table. */
public final class SystemSchema extends AbstractSchema {

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (String name : SystemTables.names()) {
      tables.put(name, new SystemTable(name));
    }
    return tables;
  }
}
