package dev.tarn.engine.sqllogic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.api.TarnSession;
import dev.tarn.engine.testing.ResultRowsReader;
import dev.tarn.engine.testing.RowComparison;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code .test} file under {@code src/test/resources/sqllogic/} (see {@link SqlLogicScript} for the
 * format) against a fresh warehouse, with DuckDB as the oracle for {@code query oracle} records. Each file is one
 * test, run twice: single-threaded, and on four worker threads with small batches (so that many morsels and batches
 * of the parallel fragments interleave); the warehouse's allocator is closed at the end, so leaked memory fails the
 * file.
 */
class SqlLogicTest {

  /** Rows per batch of the parallel run: small, so even the scripts' small tables make many batches. */
  private static final int PARALLEL_BATCH_SIZE = 64;

  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
    return scripts(warehouse -> EngineConfig.defaults(warehouse).withThreads(1));
  }

  @TestFactory
  Stream<DynamicTest> scriptsOnFourThreads() throws IOException, URISyntaxException {
    return scripts(warehouse -> new EngineConfig(warehouse, EngineConfig.DEFAULT_QUERY_MEMORY_LIMIT,
        PARALLEL_BATCH_SIZE).withThreads(4));
  }

  private Stream<DynamicTest> scripts(Function<Path, EngineConfig> config) throws IOException, URISyntaxException {
    Path root = Path.of(SqlLogicTest.class.getResource("/sqllogic").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".test")).sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(),
        () -> run(file, config)));
  }

  private void run(Path file, Function<Path, EngineConfig> config) throws Exception {
    SqlLogicScript script = SqlLogicScript.parse(file);
    Path dir = Files.createTempDirectory(temp, file.getFileName().toString());
    Path data = Files.createDirectories(dir.resolve("data"));
    try (TarnEngine engine = TarnEngine.open(config.apply(dir.resolve("warehouse")));
        TarnSession session = engine.openSession(null);
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      for (SqlLogicScript.Record record : script.records()) {
        String sql = record.sql().replace("${DATA}", data.toString());
        String where = file.getFileName() + ":" + record.line();
        switch (record.kind()) {
          case DUCKDB -> runDuckdb(duckdb, sql, where);
          case STATEMENT_OK -> {
            try (QueryResult result = session.execute(sql)) {
              ResultRowsReader.read(result);
            } catch (TarnException e) {
              fail(where + ": expected success but got " + e.getMessage() + "\n" + sql, e);
            }
          }
          case STATEMENT_ERROR -> expectError(session, sql, record, where);
          case QUERY -> {
            List<List<Object>> rows = tarnRows(session, sql, where);
            List<String> actual = render(rows, record.sorted());
            List<String> expected = record.sorted()
                ? record.expectedRows().stream().sorted().toList() : record.expectedRows();
            assertThat(actual).as(where + "\n" + sql).containsExactlyElementsOf(expected);
          }
          case QUERY_ORACLE -> compareWithOracle(session, duckdb, sql, record, where);
        }
      }
    }
  }

  private static final java.util.regex.Pattern COPY_TARGET = java.util.regex.Pattern.compile("TO '([^']+\\.parquet)'");

  private static void runDuckdb(Connection duckdb, String sql, String where) throws IOException {
    // DuckDB's COPY writes a file but does not create its folder.
    java.util.regex.Matcher target = COPY_TARGET.matcher(sql);
    while (target.find()) {
      Files.createDirectories(Path.of(target.group(1)).getParent());
    }
    for (String statement : sql.split(";\\s*(\\n|$)")) {
      if (statement.isBlank()) {
        continue;
      }
      try (Statement st = duckdb.createStatement()) {
        st.execute(statement);
      } catch (SQLException e) {
        fail(where + ": DuckDB setup failed: " + e.getMessage() + "\n" + statement, e);
      }
    }
  }

  private static void expectError(TarnSession session, String sql, SqlLogicScript.Record record, String where) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
      fail(where + ": expected error " + record.errorCode() + " but the statement succeeded\n" + sql);
    } catch (TarnException e) {
      if (record.errorCode() != null) {
        assertThat(e.code().name()).as(where + ": " + e.getMessage()).isEqualTo(record.errorCode());
      }
      if (record.errorText() != null) {
        assertThat(e.getMessage()).as(where).containsIgnoringCase(record.errorText());
      }
    }
  }

  private static List<List<Object>> tarnRows(TarnSession session, String sql, String where) {
    try (QueryResult result = session.execute(sql)) {
      return ResultRowsReader.read(result);
    } catch (TarnException e) {
      throw new AssertionError(where + ": " + e.getMessage() + "\n" + sql, e);
    }
  }

  private static void compareWithOracle(TarnSession session, Connection duckdb, String sql,
      SqlLogicScript.Record record, String where) throws SQLException {
    List<List<Object>> tarn = tarnRows(session, sql, where);
    List<List<Object>> oracle;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      oracle = RowComparison.rows(rs);
    }
    if (record.sorted()) {
      Comparator<List<Object>> byText = Comparator.comparing(row -> RowComparison.render(List.of(row)).get(0));
      tarn.sort(byText);
      oracle.sort(byText);
    }
    RowComparison.assertSameRows(tarn, oracle, where + "\n" + sql);
    if (!record.expectedRows().isEmpty()) {
      assertThat(RowComparison.render(tarn)).as(where + "\n" + sql).containsExactlyElementsOf(record.expectedRows());
    }
  }

  private static List<String> render(List<List<Object>> rows, boolean sorted) {
    List<String> lines = RowComparison.render(rows);
    return sorted ? lines.stream().sorted().toList() : lines;
  }
}
