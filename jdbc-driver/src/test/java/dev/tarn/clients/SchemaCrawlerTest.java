package dev.tarn.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * SchemaCrawler, a real JDBC metadata client, crawls a Tarn warehouse of several databases through the driver at
 * its maximum detail (tables, columns, keys, indexes, privileges, routines, type info): every table and every
 * column of the warehouse is in the catalog it builds, with the driver's types, and nothing fails.
 */
class SchemaCrawlerTest {

  static {
    // SchemaCrawler logs every step at INFO through java.util.logging; only trouble is of interest here.
    java.util.logging.Logger.getLogger("schemacrawler").setLevel(java.util.logging.Level.WARNING);
    java.util.logging.Logger.getLogger("us.fatehi").setLevel(java.util.logging.Level.WARNING);
  }

  @TempDir
  Path temporary;

  @Test
  void crawlsEveryTableAndColumnOfEveryDatabase() throws Exception {
    Path warehouse = ClientWarehouse.create(temporary);
    Catalog catalog;
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + warehouse)) {
      // SchemaCrawler asks for TABLE and VIEW unless told the driver's types, as its --table-types option does.
      List<String> tableTypes = new ArrayList<>();
      try (ResultSet types = connection.getMetaData().getTableTypes()) {
        while (types.next()) {
          tableTypes.add(types.getString("TABLE_TYPE"));
        }
      }
      SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
          .withLimitOptions(LimitOptionsBuilder.builder().tableTypes(tableTypes).toOptions())
          .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
              .toOptions());
      catalog = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(connection), options);
    }

    Map<String, List<String>> crawled = new TreeMap<>();
    for (Table table : catalog.getTables()) {
      crawled.put(table.getSchema().getName() + "." + table.getName(),
          table.getColumns().stream().map(Column::getName).toList());
    }
    // Every warehouse table with every column in order, plus the engine's own tables.
    assertThat(crawled).containsAllEntriesOf(ClientWarehouse.TABLES);
    assertThat(crawled.keySet()).containsExactlyInAnyOrder("default.notes", "sales.customers", "sales.orders",
        "web.clicks", "web.pages", "information_schema.columns", "information_schema.schemata",
        "information_schema.tables", "information_schema.views", "system.queries");
    assertThat(catalog.getSchemas().stream().map(Schema::getName).toList())
        .contains("default", "sales", "web", "information_schema", "system");

    Table orders = table(catalog, "sales", "orders");
    assertThat(orders.getTableType().getTableType()).isEqualToIgnoringCase("EXTERNAL TABLE");
    assertThat(column(orders, "amount").getColumnDataType().getName()).isEqualTo("DECIMAL");
    assertThat(column(orders, "amount").getSize()).isEqualTo(12);
    assertThat(column(orders, "amount").getDecimalDigits()).isEqualTo(2);
    assertThat(column(orders, "ordered_at").getColumnDataType().getJavaSqlType().getVendorTypeNumber())
        .isEqualTo(java.sql.Types.TIMESTAMP);
    assertThat(column(orders, "order_year").getRemarks()).isEqualTo("Partition key");
    assertThat(column(orders, "order_year").getOrdinalPosition()).isEqualTo(5);
    assertThat(table(catalog, "sales", "customers").getRemarks()).isEqualTo("who buys");
    assertThat(table(catalog, "system", "queries").getTableType().getTableType()).isEqualToIgnoringCase("SYSTEM TABLE");
    // Tarn has no keys or indexes: SchemaCrawler found none, and asking did not fail.
    assertThat(orders.getPrimaryKey()).isNull();
    assertThat(orders.getIndexes()).isEmpty();
    assertThat(orders.getForeignKeys()).isEmpty();
    // getTypeInfo gave SchemaCrawler the system data types the columns use.
    assertThat(catalog.getColumnDataTypes().stream().map(type -> type.getName()).toList())
        .contains("BIGINT", "VARCHAR", "DECIMAL", "DATE", "TIMESTAMP");
  }

  private static Table table(Catalog catalog, String schema, String name) {
    return catalog.getTables().stream()
        .filter(table -> table.getSchema().getName().equals(schema) && table.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no table " + schema + "." + name));
  }

  private static Column column(Table table, String name) {
    return table.getColumns().stream().filter(column -> column.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + table.getFullName()));
  }
}
