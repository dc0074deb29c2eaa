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
    assertThat(rows(metadata.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG")).containsExactly("default|tarn",
        "information_schema|tarn", "system|tarn", "tpch|tarn", "web|tarn");
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
        "tarn|web|logs|EXTERNAL TABLE", "tarn|information_schema|columns|SYSTEM TABLE",
        "tarn|information_schema|schemata|SYSTEM TABLE", "tarn|information_schema|tables|SYSTEM TABLE",
        "tarn|information_schema|views|SYSTEM TABLE", "tarn|system|queries|SYSTEM TABLE");
    assertThat(rows(metadata.getTables(null, "system", null, new String[] {"SYSTEM TABLE"}), "TABLE_NAME", "REMARKS"))
        .containsExactly("queries|The running and recent queries of the warehouse");
    assertThat(rows(metadata.getTables(null, null, null, new String[] {"TABLE", "EXTERNAL TABLE"}), "TABLE_NAME"))
        .containsExactly("lineitem", "nation", "logs");
    assertThat(rows(metadata.getTables(null, "TPCH", "line%", null), "TABLE_NAME")).containsExactly("lineitem");
    assertThat(rows(metadata.getTables(null, null, "_ation", new String[] {"EXTERNAL TABLE"}), "TABLE_NAME"))
        .containsExactly("nation");
    assertThat(rows(metadata.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
    // Tools that ask for the standard TABLE and VIEW only still see the external tables, not the system ones.
    assertThat(rows(metadata.getTables(null, null, null, new String[] {"TABLE", "VIEW"}), "TABLE_NAME"))
        .containsExactly("lineitem", "nation", "logs");
    assertThat(rows(metadata.getTableTypes(), "TABLE_TYPE"))
        .containsExactly("EXTERNAL TABLE", "SYSTEM TABLE", "TABLE", "VIEW");
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
        "nation|n_ratio|" + Types.REAL + "|REAL|7|null|4|YES");
    assertThat(catalog.listAllTablesCalls).isEqualTo(1);
    assertThat(rows(metadata.getColumns("tarn", "tpch", "lineitem", "ship%"), "COLUMN_NAME", "REMARKS",
        "NUM_PREC_RADIX", "NULLABLE")).containsExactly("ship_year|Partition key|10|1", "ship_month|Partition key|10|1");
  }

  @Test
  void everythingElseIsEmptyWithStandardColumns() throws Exception {
    List<ResultSet> empty = List.of(metadata.getPrimaryKeys(null, "tpch", "lineitem"),
        metadata.getImportedKeys(null, "tpch", "lineitem"), metadata.getExportedKeys(null, null, "x"),
        metadata.getIndexInfo(null, "tpch", "lineitem", false, true), metadata.getProcedures(null, null, null),
        metadata.getFunctionColumns(null, null, null, null), metadata.getUDTs(null, null, null, null),
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
  void columnsDescribeEveryHiveTypeAsJdbcAsks() throws Exception {
    FakeCatalogStore typed = new FakeCatalogStore().add(Database.named("lake"))
        .add(Table.external("lake", "typed", List.of(Column.of("t", "tinyint"), Column.of("s", "smallint"),
            Column.of("i", "int"), Column.of("b", "bigint"), Column.of("f", "float"), Column.of("d", "double"),
            Column.of("m", "decimal(15,2)"), Column.of("str", "string"), Column.of("v", "varchar(25)"),
            Column.of("c", "char(3)"), Column.of("flag", "boolean"), Column.of("day", "date"),
            Column.of("ts", "timestamp"), Column.of("bin", "binary"), Column.of("tags", "array<string>"),
            Column.of("attrs", "map<string,int>"), Column.of("point", "struct<x:double,y:double>")),
            List.of(Column.of("region", "string")), "file:///d/typed/", StorageFormat.PARQUET, Map.of()));
    try (Connection typedConnection = FakeConnections.connect(new FakeSession(Set.of("lake")), typed)) {
      assertThat(rows(typedConnection.getMetaData().getColumns(null, "lake", "typed", null), "COLUMN_NAME",
          "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "CHAR_OCTET_LENGTH",
          "ORDINAL_POSITION", "NULLABLE", "IS_NULLABLE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN", "BUFFER_LENGTH",
          "COLUMN_DEF", "SQL_DATA_TYPE", "SOURCE_DATA_TYPE", "REMARKS")).containsExactly(
          "t|-6|TINYINT|3|0|10|null|1|1|YES|NO|NO|null|null|null|null|null",
          "s|5|SMALLINT|5|0|10|null|2|1|YES|NO|NO|null|null|null|null|null",
          "i|4|INTEGER|10|0|10|null|3|1|YES|NO|NO|null|null|null|null|null",
          "b|-5|BIGINT|19|0|10|null|4|1|YES|NO|NO|null|null|null|null|null",
          "f|7|REAL|7|null|10|null|5|1|YES|NO|NO|null|null|null|null|null",
          "d|8|DOUBLE|15|null|10|null|6|1|YES|NO|NO|null|null|null|null|null",
          "m|3|DECIMAL|15|2|10|null|7|1|YES|NO|NO|null|null|null|null|null",
          "str|12|VARCHAR|2147483647|null|null|2147483647|8|1|YES|NO|NO|null|null|null|null|null",
          "v|12|VARCHAR|25|null|null|100|9|1|YES|NO|NO|null|null|null|null|null",
          "c|1|CHAR|3|null|null|12|10|1|YES|NO|NO|null|null|null|null|null",
          "flag|16|BOOLEAN|1|null|null|null|11|1|YES|NO|NO|null|null|null|null|null",
          "day|91|DATE|10|null|null|null|12|1|YES|NO|NO|null|null|null|null|null",
          "ts|93|TIMESTAMP|26|6|null|null|13|1|YES|NO|NO|null|null|null|null|null",
          "bin|-3|VARBINARY|2147483647|null|null|null|14|1|YES|NO|NO|null|null|null|null|null",
          "tags|2003|ARRAY|null|null|null|null|15|1|YES|NO|NO|null|null|null|null|null",
          "attrs|1111|MAP|null|null|null|null|16|1|YES|NO|NO|null|null|null|null|null",
          "point|2002|ROW|null|null|null|null|17|1|YES|NO|NO|null|null|null|null|null",
          "region|12|VARCHAR|2147483647|null|null|2147483647|18|1|YES|NO|NO|null|null|null|null|Partition key");
      ResultSet columns = typedConnection.getMetaData().getColumns(null, "lake", "typed", "m");
      assertThat(columns.next()).isTrue();
      assertThat(columns.getObject("DATA_TYPE")).isEqualTo(Types.DECIMAL);
      assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(2);
      assertThat(columns.getObject("SOURCE_DATA_TYPE")).isNull();
      assertThat(columns.wasNull()).isTrue();
      columns.close();
    }
  }

  @Test
  void columnsCoverSystemTables() throws Exception {
    assertThat(rows(metadata.getColumns(null, "information_schema", "columns", null), "COLUMN_NAME",
        "ORDINAL_POSITION", "TYPE_NAME")).containsExactly("table_catalog|1|VARCHAR", "table_schema|2|VARCHAR",
        "table_name|3|VARCHAR", "column_name|4|VARCHAR", "ordinal_position|5|BIGINT", "column_default|6|VARCHAR",
        "is_nullable|7|VARCHAR", "data_type|8|VARCHAR", "comment|9|VARCHAR", "extra_info|10|VARCHAR");
    assertThat(rows(metadata.getColumns(null, "sys%", "queries", "%_total"), "TABLE_SCHEM", "COLUMN_NAME"))
        .containsExactly("system|partitions_total", "system|files_total", "system|row_groups_total");
    // All columns of all tables: system schemas sort among the databases, one bulk call for the catalog's.
    List<String> tables = rows(metadata.getColumns(null, null, null, null), "TABLE_SCHEM", "TABLE_NAME").stream()
        .distinct().toList();
    assertThat(tables).containsExactly("information_schema|columns", "information_schema|schemata",
        "information_schema|tables", "information_schema|views", "system|queries", "tpch|lineitem", "tpch|nation",
        "web|logs");
    assertThat(catalog.listAllTablesCalls).isEqualTo(3);
  }

  @Test
  void everyCatalogAnswerIsOneBulkCall() throws Exception {
    rows(metadata.getTables(null, null, "%", null), "TABLE_NAME");
    rows(metadata.getColumns(null, null, "%", "%"), "COLUMN_NAME");
    rows(metadata.getColumns(null, "tpch", "nation", "n_name"), "COLUMN_NAME");
    assertThat(catalog.listAllTablesCalls).isEqualTo(3);
    rows(metadata.getSchemas(), "TABLE_SCHEM");
    rows(metadata.getSchemas(null, "t%"), "TABLE_SCHEM");
    assertThat(catalog.listDatabasesCalls).isEqualTo(2);
    // Functions, types and the empty answers never ask the catalog.
    rows(metadata.getFunctions(null, null, null), "FUNCTION_NAME");
    rows(metadata.getTypeInfo(), "TYPE_NAME");
    rows(metadata.getPrimaryKeys(null, "tpch", "nation"), "COLUMN_NAME");
    assertThat(catalog.listAllTablesCalls).isEqualTo(3);
    assertThat(catalog.listDatabasesCalls).isEqualTo(2);
  }

  @Test
  void functionsAreTheOnesTarnExecutes() throws Exception {
    assertThat(rows(metadata.getFunctions(null, null, "date\\_%"), "FUNCTION_CAT", "FUNCTION_SCHEM",
        "FUNCTION_NAME", "FUNCTION_TYPE", "SPECIFIC_NAME")).containsExactly(
        "tarn|null|date_add|1|date_add", "tarn|null|date_diff|1|date_diff", "tarn|null|date_format|1|date_format",
        "tarn|null|date_parse|1|date_parse", "tarn|null|date_trunc|1|date_trunc");
    assertThat(rows(metadata.getFunctions(null, null, "count%"), "FUNCTION_NAME", "REMARKS")).containsExactly(
        "count|aggregate: Number of rows, or of non-NULL values",
        "count_if|aggregate: Number of rows where a condition is true");
    assertThat(rows(metadata.getFunctions(null, null, "row_number"), "REMARKS"))
        .containsExactly("window: Number of the row in its partition");
    assertThat(rows(metadata.getFunctions(null, null, null), "FUNCTION_NAME"))
        .hasSize(dev.tarn.engine.api.BuiltInFunctions.all().size()).isSorted().contains("abs", "upper", "sum");
    assertThat(rows(metadata.getFunctions(null, "tpch", null), "FUNCTION_NAME")).isEmpty();
    assertThat(rows(metadata.getFunctions("other", null, null), "FUNCTION_NAME")).isEmpty();
  }

  @Test
  void constantsTellTheTruth() throws Exception {
    assertThat(metadata.nullsAreSortedAtEnd()).isTrue();
    assertThat(metadata.nullsAreSortedHigh() || metadata.nullsAreSortedLow() || metadata.nullsAreSortedAtStart())
        .isFalse();
    assertThat(metadata.getSearchStringEscape()).isEqualTo("\\");
    assertThat(metadata.getSQLKeywords()).contains("LIMIT", "OFFSET").doesNotContain("SELECT", "FROM");
    assertThat(metadata.getTimeDateFunctions()).contains("TIMESTAMPADD").doesNotContain("DAYOFWEEK");
    assertThat(metadata.supportsMixedCaseIdentifiers()).isFalse();
    assertThat(metadata.supportsMixedCaseQuotedIdentifiers()).isFalse();
    assertThat(metadata.storesLowerCaseQuotedIdentifiers()).isTrue();
  }

  @Test
  void emptyAnswersHaveTheStandardColumns() throws Exception {
    assertThat(labels(metadata.getPrimaryKeys(null, null, "x"))).containsExactly("TABLE_CAT", "TABLE_SCHEM",
        "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    assertThat(labels(metadata.getImportedKeys(null, null, "x"))).containsExactly("PKTABLE_CAT", "PKTABLE_SCHEM",
        "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
        "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
    assertThat(labels(metadata.getIndexInfo(null, null, "x", true, true))).containsExactly("TABLE_CAT",
        "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
        "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION");
    assertThat(labels(metadata.getFunctionColumns(null, null, "abs", null))).hasSize(17)
        .startsWith("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE");
    assertThat(labels(metadata.getColumnPrivileges(null, null, "x", null))).hasSize(8);
    assertThat(labels(metadata.getProcedureColumns(null, null, null, null))).hasSize(20);
  }

  @Test
  void typeInfoIsTruthful() throws Exception {
    assertThat(rows(metadata.getTypeInfo(), "TYPE_NAME", "PRECISION", "SEARCHABLE", "CREATE_PARAMS",
        "MINIMUM_SCALE", "MAXIMUM_SCALE", "NUM_PREC_RADIX", "CASE_SENSITIVE", "LITERAL_PREFIX")).containsExactly(
        "TINYINT|3|2|null|0|0|10|false|null",
        "BIGINT|19|2|null|0|0|10|false|null",
        "CHAR|65535|3|length|0|0|null|true|'",
        "DECIMAL|38|2|precision,scale|0|38|10|false|null",
        "INTEGER|10|2|null|0|0|10|false|null",
        "SMALLINT|5|2|null|0|0|10|false|null",
        "REAL|7|2|null|0|0|10|false|null",
        "DOUBLE|15|2|null|0|0|10|false|null",
        "VARCHAR|2147483647|3|length|0|0|null|true|'",
        "BOOLEAN|1|2|null|0|0|null|false|null",
        "DATE|10|2|null|0|0|null|false|DATE '",
        "TIMESTAMP|26|2|null|6|6|null|false|TIMESTAMP '");
  }

  private static List<String> labels(ResultSet resultSet) throws Exception {
    List<String> labels = new ArrayList<>();
    try (resultSet) {
      assertThat(resultSet.next()).isFalse();
      for (int column = 1; column <= resultSet.getMetaData().getColumnCount(); column++) {
        labels.add(resultSet.getMetaData().getColumnLabel(column));
      }
    }
    return labels;
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
