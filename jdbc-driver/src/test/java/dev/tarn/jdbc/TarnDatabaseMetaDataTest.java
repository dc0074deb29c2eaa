package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData answered from a catalog with bulk calls only. */
class TarnDatabaseMetaDataTest {

  private FakeCatalogStore catalog;
  private Connection connection;
  private DatabaseMetaData metadata;

  @BeforeEach
  void open() throws Exception {
    catalog = new FakeCatalogStore()
        .add(Database.named("default")).add(Database.named("tpch")).add(Database.named("web"))
        .add(Table.external("tpch", "lineitem", List.of(Column.of("l_orderkey", "bigint"),
                Column.of("l_extendedprice", "decimal(15,2)"), Column.of("l_shipdate", "date"),
                Column.of("l_comment", "string")),
            List.of(Column.of("ship_year", "int"), Column.of("ship_month", "int")), "file:///d/lineitem/",
            StorageFormat.PARQUET, Map.of()))
        .add(Table.external("tpch", "nation", List.of(Column.of("n_name", "varchar(25)"),
            Column.of("n_flag", "boolean"), Column.of("n_at", "timestamp"), Column.of("n_ratio", "float")),
            List.of(), "file:///d/nation/", StorageFormat.PARQUET, Map.of()))
        .add(Table.external("web", "logs", List.of(Column.of("line", "string")), List.of(), "file:///d/logs/",
            StorageFormat.PARQUET, Map.of()));
    connection = FakeConnections.connect(new FakeSession(Set.of("default")), catalog);
    metadata = connection.getMetaData();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void schemasAreDatabasesInOneCatalog() throws Exception {
    assertThat(rows(metadata.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
        .containsExactly("default|tarn", "tpch|tarn", "web|tarn");
    assertThat(rows(metadata.getSchemas("tarn", "t%"), "TABLE_SCHEM")).containsExactly("tpch");
    assertThat(rows(metadata.getSchemas("other", null), "TABLE_SCHEM")).isEmpty();
    assertThat(rows(metadata.getCatalogs(), "TABLE_CAT")).containsExactly("tarn");
    assertThat(metadata.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(metadata.storesLowerCaseIdentifiers()).isTrue();
  }

  @Test
  void tablesFilterBySchemaNameAndType() throws Exception {
    assertThat(rows(metadata.getTables(null, null, null, null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
        "TABLE_TYPE")).containsExactly("tarn|tpch|lineitem|EXTERNAL TABLE", "tarn|tpch|nation|EXTERNAL TABLE",
        "tarn|web|logs|EXTERNAL TABLE");
    assertThat(rows(metadata.getTables(null, "TPCH", "line%", null), "TABLE_NAME")).containsExactly("lineitem");
    assertThat(rows(metadata.getTables(null, null, "_ation", new String[] {"EXTERNAL TABLE"}), "TABLE_NAME"))
        .containsExactly("nation");
    assertThat(rows(metadata.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
    assertThat(rows(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("EXTERNAL TABLE", "TABLE", "VIEW");
    assertThat(metadata.getTables(null, null, null, null).getMetaData().getColumnCount()).isEqualTo(10);
  }

  @Test
  void columnsListDataColumnsThenPartitionKeysFromOneBulkCall() throws Exception {
    ResultSet columns = metadata.getColumns(null, "tpch", "%", null);
    ResultSetMetaData shape = columns.getMetaData();
    assertThat(shape.getColumnCount()).isEqualTo(24);
    assertThat(shape.getColumnName(24)).isEqualTo("IS_GENERATEDCOLUMN");
    assertThat(rows(columns, "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
        "DECIMAL_DIGITS", "ORDINAL_POSITION", "IS_NULLABLE")).containsExactly(
        "lineitem|l_orderkey|" + Types.BIGINT + "|BIGINT|19|0|1|YES",
        "lineitem|l_extendedprice|" + Types.DECIMAL + "|DECIMAL|15|2|2|YES",
        "lineitem|l_shipdate|" + Types.DATE + "|DATE|10|null|3|YES",
        "lineitem|l_comment|" + Types.VARCHAR + "|VARCHAR|2147483647|null|4|YES",
        "lineitem|ship_year|" + Types.INTEGER + "|INTEGER|10|0|5|YES",
        "lineitem|ship_month|" + Types.INTEGER + "|INTEGER|10|0|6|YES",
        "nation|n_name|" + Types.VARCHAR + "|VARCHAR|25|null|1|YES",
        "nation|n_flag|" + Types.BOOLEAN + "|BOOLEAN|1|null|2|YES",
        "nation|n_at|" + Types.TIMESTAMP + "|TIMESTAMP|26|6|3|YES",
        "nation|n_ratio|" + Types.REAL + "|REAL|7|0|4|YES");
    assertThat(catalog.listAllTablesCalls).isEqualTo(1);
    assertThat(rows(metadata.getColumns("tarn", "tpch", "lineitem", "ship%"), "COLUMN_NAME", "REMARKS",
        "NUM_PREC_RADIX", "NULLABLE")).containsExactly("ship_year|Partition key|10|1", "ship_month|Partition key|10|1");
  }

  @Test
  void everythingElseIsEmptyWithStandardColumns() throws Exception {
    List<ResultSet> empty = List.of(metadata.getPrimaryKeys(null, "tpch", "lineitem"),
        metadata.getImportedKeys(null, "tpch", "lineitem"), metadata.getExportedKeys(null, null, "x"),
        metadata.getIndexInfo(null, "tpch", "lineitem", false, true), metadata.getProcedures(null, null, null),
        metadata.getFunctions(null, null, null), metadata.getUDTs(null, null, null, null),
        metadata.getTablePrivileges(null, null, null), metadata.getClientInfoProperties(),
        metadata.getPseudoColumns(null, null, null, null), metadata.getSuperTables(null, null, null),
        metadata.getCrossReference(null, null, "a", null, null, "b"), metadata.getVersionColumns(null, null, "x"),
        metadata.getBestRowIdentifier(null, null, "x", 0, true), metadata.getAttributes(null, null, null, null));
    for (ResultSet resultSet : empty) {
      assertThat(resultSet.next()).isFalse();
      assertThat(resultSet.getMetaData().getColumnCount()).isPositive();
    }
    assertThat(metadata.getPrimaryKeys(null, null, "x").getMetaData().getColumnName(5)).isEqualTo("KEY_SEQ");
    assertThat(metadata.getIndexInfo(null, null, "x", false, false).getMetaData().getColumnName(4))
        .isEqualTo("NON_UNIQUE");
  }

  @Test
  void typeInfoIsOrderedByDataType() throws Exception {
    List<String> types = rows(metadata.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
    assertThat(types).contains("VARCHAR|12", "DECIMAL|3", "DATE|91", "BIGINT|-5");
    List<Integer> dataTypes = types.stream().map(row -> Integer.valueOf(row.split("\\|")[1])).toList();
    assertThat(dataTypes).isSorted();
  }

  private static List<String> rows(ResultSet resultSet, String... labels) throws Exception {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        StringBuilder row = new StringBuilder();
        for (String label : labels) {
          row.append(row.length() == 0 ? "" : "|").append(resultSet.getString(label));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
