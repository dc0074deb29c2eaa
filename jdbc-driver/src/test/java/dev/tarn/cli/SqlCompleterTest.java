package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion candidates over a real embedded warehouse, filtered the way JLine filters them (by the typed prefix,
 * ignoring case). Databases {@code default} (tables {@code lineitem}, {@code line_status}) and {@code shop}
 * (tables {@code orders}, {@code "Order Lines"} with a column {@code "select"}).
 */
class SqlCompleterTest {

  @TempDir
  static Path temporary;
  static Connection connection;

  private CompletionCatalog catalog;
  private SqlCompleter completer;

  @BeforeAll
  static void createWarehouse() throws Exception {
    connection = DriverManager.getConnection("jdbc:tarn:" + temporary.resolve("warehouse"));
    try (Statement statement = connection.createStatement()) {
      statement.execute(table("lineitem", "l_orderkey BIGINT, l_returnflag STRING, l_quantity DECIMAL(15,2)"));
      statement.execute(table("line_status", "status STRING"));
      statement.execute("CREATE DATABASE shop");
      statement.execute(table("shop.orders", "order_id BIGINT, customer STRING, total DECIMAL(10,2)"));
      statement.execute(table("shop.`Order Lines`", "order_id BIGINT, `select` STRING, line_total DOUBLE"));
    }
  }

  private static String table(String name, String columns) throws Exception {
    Path location = Files.createDirectories(temporary.resolve("data").resolve(name.replaceAll("\\W", "_")));
    return "CREATE EXTERNAL TABLE " + name + " (" + columns + ") STORED AS PARQUET LOCATION 'file://" + location + "/'";
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  @BeforeEach
  void newCompleter() throws Exception {
    connection.setSchema("default");
    catalog = new CompletionCatalog(connection);
    completer = new SqlCompleter(catalog, List.of(".mode", ".tables", ".timing"));
  }

  /** The candidates JLine would offer with the cursor at the end of {@code typed}. */
  private List<String> complete(String typed) {
    return complete(typed, typed.length());
  }

  private List<String> complete(String line, int cursor) {
    SqlLineParser.SqlParsedLine parsed = SqlLineParser.wordAt(line, cursor);
    String prefix = parsed.prefix().toLowerCase(Locale.ROOT);
    return completer.candidates(parsed).stream().map(Candidate::value)
        .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
  }

  @Test
  void tablesAfterFromAndJoinIgnoringCase() {
    assertThat(complete("SELECT * FROM li")).containsExactlyInAnyOrder("lineitem", "line_status");
    assertThat(complete("select * from LINE")).containsExactlyInAnyOrder("lineitem", "line_status");
    assertThat(complete("SELECT * FROM lineitem l JOIN line_s")).containsExactly("line_status");
    assertThat(complete("DESCRIBE line_")).containsExactly("line_status");
    assertThat(complete("SELECT * FROM ")).contains("lineitem", "line_status", "default.", "shop.")
        .doesNotContain("SELECT");
    assertThat(complete("SELECT * FROM lineitem, line_s")).containsExactly("line_status");
  }

  @Test
  void qualifiedTablesOfAnotherDatabaseWithQuotesWhereNeeded() {
    assertThat(complete("SELECT * FROM shop.")).containsExactlyInAnyOrder("shop.orders", "shop.\"order lines\"");
    assertThat(complete("SELECT * FROM SHOP.ord")).containsExactly("SHOP.orders");
    assertThat(complete("SELECT * FROM sh")).containsExactly("shop.");
    // The engine's own schemas are databases too.
    assertThat(complete("USE s")).containsExactlyInAnyOrder("shop", "system");
  }

  @Test
  void columnsOfTheTablesInTheStatementWhereverTheCursorIs() {
    assertThat(complete("SELECT l_ret")).containsExactly("l_returnflag"); // no FROM yet: the current database
    String select = "SELECT l_ FROM lineitem";
    assertThat(complete(select, "SELECT l_".length()))
        .containsExactlyInAnyOrder("l_orderkey", "l_returnflag", "l_quantity");
    assertThat(complete("SELECT * FROM shop.orders o WHERE o.cu")).containsExactly("o.customer");
    assertThat(complete("SELECT * FROM shop.orders WHERE tot")).containsExactly("total");
    assertThat(complete("SELECT x.l_q FROM lineitem AS x")).isEmpty(); // the cursor is at the end, after the alias
    assertThat(complete("SELECT x.l_q FROM lineitem AS x", "SELECT x.l_q".length())).containsExactly("x.l_quantity");
  }

  @Test
  void quotedIdentifiersCompleteAndNamesThatNeedQuotesAreQuoted() {
    assertThat(complete("SELECT * FROM shop.\"ord")).containsExactly("shop.\"order lines\"");
    assertThat(complete("SELECT ol.sel FROM shop.\"Order Lines\" ol", "SELECT ol.sel".length())).isEmpty();
    assertThat(complete("SELECT * FROM shop.\"Order Lines\" ol WHERE ol.\"sel")).containsExactly("ol.\"select\"");
    assertThat(complete("SELECT line_ FROM shop.\"order lines\"", "SELECT line_".length())).containsExactly("line_total");
  }

  @Test
  void keywordsInTheCaseBeingTypedAndFunctions() {
    assertThat(complete("sel")).containsExactly("select");
    assertThat(complete("SEL")).containsExactly("SELECT");
    assertThat(complete("SELECT * FROM lineitem GRO")).contains("GROUP");
    // Functions come from DatabaseMetaData.getFunctions: the functions the engine executes.
    assertThat(complete("SELECT coun")).contains("count(");
  }

  @Test
  void shellCommandsAndTheirArguments() {
    assertThat(complete(".t")).containsExactlyInAnyOrder(".tables", ".timing");
    assertThat(complete(".mode c")).containsExactly("csv");
    assertThat(complete(".timing o")).containsExactlyInAnyOrder("on", "off");
  }

  @Test
  void namesAreReadAgainAfterInvalidation() throws Exception {
    assertThat(complete("SELECT * FROM later.")).isEmpty();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE later");
      statement.execute(table("later.arrivals", "sku STRING"));
    }
    assertThat(complete("SELECT * FROM later.")).as("cached until invalidated").isEmpty();
    catalog.invalidate();
    assertThat(complete("SELECT * FROM later.")).containsExactly("later.arrivals");
    connection.setSchema("later");
    catalog.invalidate();
    assertThat(complete("SELECT * FROM arr")).containsExactly("arrivals");
    assertThat(complete("SELECT sk FROM arrivals", "SELECT sk".length())).containsExactly("sku");
  }
}
