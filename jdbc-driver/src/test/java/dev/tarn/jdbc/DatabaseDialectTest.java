package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The constant answers of DatabaseMetaData checked against what the real engine does: identifier case, null
 * order, the JDBC escape functions, reserved words, the types of getTypeInfo, and getColumns against
 * information_schema.columns.
 */
class DatabaseDialectTest {

  @TempDir
  Path temporary;
  private Connection connection;
  private DatabaseMetaData metadata;

  @BeforeEach
  void open() throws Exception {
    connection = DriverManager.getConnection("jdbc:tarn:" + temporary.resolve("warehouse"));
    metadata = connection.getMetaData();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  @Test
  void mixedCaseNamesAreStoredInLowerCaseAndMatchedIgnoringCaseQuotedOrNot() throws Exception {
    Path empty = Files.createDirectories(temporary.resolve("empty"));
    execute("CREATE DATABASE MixedDb");
    execute("CREATE EXTERNAL TABLE MixedDb.SalesData (OrderId BIGINT, \"QuotedCol\" STRING) STORED AS PARQUET "
        + "LOCATION '" + empty.toUri() + "'");
    assertThat(metadata.storesLowerCaseIdentifiers()).isTrue();
    assertThat(metadata.storesLowerCaseQuotedIdentifiers()).isTrue();
    assertThat(metadata.supportsMixedCaseQuotedIdentifiers()).isFalse();
    assertThat(strings(metadata.getTables(null, "mixeddb", null, null), "TABLE_NAME")).containsExactly("salesdata");
    assertThat(strings(metadata.getColumns(null, "mixeddb", "salesdata", null), "COLUMN_NAME"))
        .containsExactly("orderid", "quotedcol");
    // Quoted names in any case find the same table and columns: quoting does not make names case-sensitive.
    assertThat(query("SELECT count(*) FROM \"MIXEDDB\".\"SalesData\" WHERE \"ORDERID\" IS NULL AND "
        + "\"quotedCOL\" IS NULL AND OrderID IS NULL")).containsExactly("0");
    execute("DROP TABLE \"MixedDB\".\"SALESDATA\"");
    assertThat(strings(metadata.getTables(null, "mixeddb", null, null), "TABLE_NAME")).isEmpty();
  }

  @Test
  void nullsSortAtTheEndInBothDirections() throws Exception {
    String values = " FROM (VALUES (1), (CAST(NULL AS INTEGER)), (2)) AS t(x) ORDER BY x";
    assertThat(query("SELECT x" + values)).containsExactly("1", "2", null);
    assertThat(query("SELECT x" + values + " DESC")).containsExactly("2", "1", null);
    assertThat(metadata.nullsAreSortedAtEnd()).isTrue();
    assertThat(metadata.nullsAreSortedHigh()).isFalse();
    assertThat(metadata.nullsAreSortedLow()).isFalse();
  }

  /** Stands for any value that is not NULL, for functions of the clock and the session. */
  private static final String ANY = "<any>";

  /** Every Open Group function of the JDBC escape syntax, with a call and the answer JDBC defines for it. */
  private static Map<String, String[]> openGroupFunctions() {
    Map<String, String[]> calls = new LinkedHashMap<>();
    String day = "DATE '2024-01-15'"; // a Monday
    String time = "TIMESTAMP '2024-01-15 10:20:30'";
    String[][] table = {
        {"ABS", "ABS(-2)", "2"}, {"ACOS", "ACOS(1.0)", "0.0"}, {"ASIN", "ASIN(0.0)", "0.0"}, {"ATAN", "ATAN(0.0)", "0.0"},
        {"ATAN2", "ATAN2(0.0, 1.0)", "0.0"}, {"CEILING", "CEILING(1.5)", "2"}, {"COS", "COS(0.0)", "1.0"},
        {"COT", "COT(1.0)", "0.6420926159343306"}, {"DEGREES", "DEGREES(0.0)", "0.0"},
        {"EXP", "EXP(0.0)", "1.0"}, {"FLOOR", "FLOOR(1.5)", "1"}, {"LOG", "LOG(1.0)", "0.0"},
        {"LOG10", "LOG10(100.0)", "2.0"}, {"MOD", "MOD(7, 3)", "1"}, {"PI", "PI()", "3.141592653589793"},
        {"POWER", "POWER(2, 3)", "8.0"}, {"RADIANS", "RADIANS(0.0)", "0.0"}, {"RAND", "RAND(1) * 0", "0.0"},
        {"ROUND", "ROUND(1.55, 1)", "1.60"}, {"SIGN", "SIGN(-2)", "-1"}, {"SIN", "SIN(0.0)", "0.0"},
        {"SQRT", "SQRT(4.0)", "2.0"}, {"TAN", "TAN(0.0)", "0.0"}, {"TRUNCATE", "TRUNCATE(1.55, 1)", "1.50"},
        {"ASCII", "ASCII('a')", "97"}, {"CHAR", "CHAR(65)", "A"}, {"CONCAT", "CONCAT('a', 'b')", "ab"},
        {"DIFFERENCE", "DIFFERENCE('a', 'a')", "4"}, {"INSERT", "INSERT('abc', 2, 1, 'x')", "axc"},
        {"LCASE", "LCASE('A')", "a"}, {"LEFT", "LEFT('abc', 2)", "ab"}, {"LENGTH", "LENGTH('abc')", "3"},
        {"LOCATE", "LOCATE('b', 'abc')", "2"}, {"LTRIM", "LTRIM('  a')", "a"}, {"REPEAT", "REPEAT('a', 3)", "aaa"},
        {"REPLACE", "REPLACE('abc', 'b', 'x')", "axc"}, {"RIGHT", "RIGHT('abc', 2)", "bc"},
        {"RTRIM", "RTRIM('a  ')", "a"}, {"SOUNDEX", "SOUNDEX('Robert')", "R163"}, {"SPACE", "SPACE(2)", "  "},
        {"SUBSTRING", "SUBSTRING('abc', 2, 1)", "b"}, {"UCASE", "UCASE('a')", "A"},
        {"CURDATE", "CURDATE()", ANY}, {"CURTIME", "CURTIME()", ANY},
        {"DAYNAME", "DAYNAME(" + day + ")", "Monday"}, {"DAYOFMONTH", "DAYOFMONTH(" + day + ")", "15"},
        {"DAYOFWEEK", "DAYOFWEEK(" + day + ")", "2"}, {"DAYOFYEAR", "DAYOFYEAR(" + day + ")", "15"},
        {"HOUR", "HOUR(" + time + ")", "10"}, {"MINUTE", "MINUTE(" + time + ")", "20"},
        {"MONTH", "MONTH(" + day + ")", "1"}, {"MONTHNAME", "MONTHNAME(" + day + ")", "January"},
        {"NOW", "NOW()", ANY}, {"QUARTER", "QUARTER(" + day + ")", "1"},
        {"SECOND", "SECOND(" + time + ")", "30"},
        {"TIMESTAMPADD", "TIMESTAMPADD(SQL_TSI_DAY, 1, " + time + ")", "2024-01-16 10:20:30"},
        {"TIMESTAMPDIFF", "TIMESTAMPDIFF(SQL_TSI_HOUR, " + time + ", TIMESTAMP '2024-01-16 10:20:30')", "24"},
        {"WEEK", "WEEK(" + day + ")", "3"}, {"YEAR", "YEAR(" + day + ")", "2024"},
        {"DATABASE", "DATABASE()", "default"}, {"IFNULL", "IFNULL(NULL, 7)", "7"}, {"USER", "USER()", ANY}};
    for (String[] row : table) {
      calls.put(row[0], new String[] {row[1], row[2]});
    }
    return calls;
  }

  @Test
  void theEscapeFunctionListsAreExactlyTheOnesThatWork() throws Exception {
    Set<String> working = new TreeSet<>();
    for (Map.Entry<String, String[]> function : openGroupFunctions().entrySet()) {
      try {
        List<String> result = query("SELECT {fn " + function.getValue()[0] + "}");
        String expected = function.getValue()[1];
        if (result.equals(List.of(expected)) || expected.equals(ANY) && result.size() == 1 && result.get(0) != null) {
          working.add(function.getKey());
        }
      } catch (SQLException unsupported) {
        assertThat(unsupported.getSQLState()).as(function.getKey()).isNotNull();
      }
    }
    Set<String> listed = new TreeSet<>();
    for (String list : List.of(metadata.getNumericFunctions(), metadata.getStringFunctions(),
        metadata.getTimeDateFunctions(), metadata.getSystemFunctions())) {
      listed.addAll(List.of(list.split(",")));
    }
    assertThat(listed).isEqualTo(working);
  }

  @Test
  void listedKeywordsAreReservedAndStandardOnesAreNotListed() throws Exception {
    List<String> keywords = List.of(metadata.getSQLKeywords().split(","));
    assertThat(keywords).contains("LIMIT", "OFFSET", "QUALIFY").doesNotContain("SELECT", "TABLE", "FROM");
    List<String> usableUnquoted = new ArrayList<>();
    for (String keyword : keywords) {
      try {
        query("SELECT x AS " + keyword + " FROM (VALUES (1)) AS t(x)");
        query("SELECT " + keyword + " FROM (VALUES (1)) AS t(" + keyword + ")");
        usableUnquoted.add(keyword);
      } catch (SQLException reserved) {
        // The word needs quotes, as getSQLKeywords says.
      }
      assertThat(query("SELECT x AS \"" + keyword.toLowerCase() + "\" FROM (VALUES (1)) AS t(x)"))
          .as(keyword).containsExactly("1");
    }
    assertThat(usableUnquoted).isEmpty();
  }

  @Test
  void everyTypeOfTypeInfoCanBeCastTo() throws Exception {
    try (ResultSet types = metadata.getTypeInfo()) {
      while (types.next()) {
        String name = types.getString("TYPE_NAME");
        String parameters = types.getString("CREATE_PARAMS");
        String spelled = parameters == null ? name : parameters.contains(",") ? name + "(10,2)" : name + "(5)";
        assertThat(query("SELECT CAST(NULL AS " + spelled + ") IS NULL")).as(spelled).containsExactly("true");
      }
    }
  }

  @Test
  void getColumnsAgreesWithInformationSchema() throws Exception {
    Path empty = Files.createDirectories(temporary.resolve("empty"));
    execute("CREATE DATABASE lake");
    execute("CREATE EXTERNAL TABLE lake.events (id BIGINT, amount DECIMAL(12,3), name VARCHAR(20)) "
        + "PARTITIONED BY (day DATE, region STRING) STORED AS PARQUET LOCATION '" + empty.toUri() + "'");
    List<String> fromMetadata = strings(metadata.getColumns(null, null, null, null), "TABLE_SCHEM", "TABLE_NAME",
        "COLUMN_NAME", "ORDINAL_POSITION", "IS_NULLABLE");
    List<String> fromSql = query("SELECT table_schema || '|' || table_name || '|' || column_name || '|' || "
        + "CAST(ordinal_position AS VARCHAR) || '|' || is_nullable FROM information_schema.columns "
        + "ORDER BY table_schema, table_name, ordinal_position");
    assertThat(fromMetadata).isEqualTo(fromSql).contains("lake|events|region|5|YES", "system|queries|query_id|1|YES");
    assertThat(strings(metadata.getTables(null, null, null, null), "TABLE_SCHEM", "TABLE_NAME")).containsExactly(
        "lake|events", "information_schema|columns", "information_schema|schemata", "information_schema|tables",
        "information_schema|views", "system|queries");
    assertThat(strings(metadata.getSchemas(), "TABLE_SCHEM"))
        .isEqualTo(query("SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"));
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static List<String> strings(ResultSet resultSet, String... labels) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (String label : labels) {
          values.add(resultSet.getString(label));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
