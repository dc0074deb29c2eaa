package dev.tarn.catalog.ddl;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.SerDeInfo;
import dev.tarn.catalog.model.StorageDescriptor;
import dev.tarn.catalog.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a table as the {@code CREATE EXTERNAL TABLE} statement that recreates it, line by line as Athena's
 * {@code SHOW CREATE TABLE} prints it: backticked names, explicit SerDe and input/output formats, location and
 * table properties. {@code DdlParser} reads every line it writes.
 */
final class CreateTableText {

  /** The parameter every external table carries; it is implied by {@code EXTERNAL} so it is not printed. */
  private static final String EXTERNAL_PARAMETER = "EXTERNAL";

  private CreateTableText() {}

  static List<String> lines(Table table) {
    StorageDescriptor sd = table.storageDescriptor();
    List<String> lines = new ArrayList<>();
    lines.add("CREATE EXTERNAL TABLE " + identifier(table.databaseName()) + "." + identifier(table.name()) + "(");
    addColumns(lines, sd.columns());
    if (table.description() != null) {
      lines.add("COMMENT " + literal(table.description()));
    }
    if (table.isPartitioned()) {
      lines.add("PARTITIONED BY (");
      addColumns(lines, table.partitionKeys());
    }
    SerDeInfo serde = sd.serdeInfo();
    if (serde != null && serde.serializationLibrary() != null) {
      lines.add("ROW FORMAT SERDE");
      lines.add("  " + literal(serde.serializationLibrary()));
      if (!serde.parameters().isEmpty()) {
        lines.add("WITH SERDEPROPERTIES (");
        addProperties(lines, serde.parameters());
      }
    }
    lines.add("STORED AS INPUTFORMAT");
    lines.add("  " + literal(sd.inputFormat()));
    lines.add("OUTPUTFORMAT");
    lines.add("  " + literal(sd.outputFormat()));
    lines.add("LOCATION");
    lines.add("  " + literal(sd.location()));
    Map<String, String> properties = new java.util.TreeMap<>(table.parameters());
    properties.remove(EXTERNAL_PARAMETER);
    if (!properties.isEmpty()) {
      lines.add("TBLPROPERTIES (");
      addProperties(lines, properties);
    }
    return lines;
  }

  private static void addColumns(List<String> lines, List<Column> columns) {
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String comment = column.comment() == null ? "" : " COMMENT " + literal(column.comment());
      lines.add("  " + identifier(column.name()) + " " + column.type() + comment + (i == columns.size() - 1 ? ")" : ","));
    }
  }

  private static void addProperties(List<String> lines, Map<String, String> properties) {
    List<String> keys = new ArrayList<>(new java.util.TreeMap<>(properties).keySet());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      lines.add("  " + literal(key) + "=" + literal(properties.get(key)) + (i == keys.size() - 1 ? ")" : ","));
    }
  }

  static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  static String literal(String text) {
    return "'" + (text == null ? "" : text.replace("'", "''")) + "'";
  }
}
