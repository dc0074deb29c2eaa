package dev.tarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * TPC-H queries on Tarn and on DuckDB over the same Hive-partitioned Parquet lake, in the same JMH run, hot
 * (after warm-up), with every result row fetched through JDBC on both sides. The lake is generated once per
 * scale factor into {@code ~/.tarn/bench-data/tpch-sf<sf>} (override with -Dtarn.bench.data=DIR).
 *
 * <p>{@code threads} = 0 leaves Tarn at its default and gives DuckDB one thread per core; a positive value is
 * passed to Tarn as the JDBC property {@code threads} (drivers that do not know it yet ignore it) and set as
 * DuckDB's {@code threads}.
 *
 * <p>Run all 22 queries with a comparison table: {@code ./tarn bench tpch --sf 1} ({@link TpchComparison}); or
 * plain JMH: {@code java -jar benchmarks/target/tarn-benchmarks.jar TpchBenchmark -p scaleFactor=1 -p query=1,6}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g", "-XX:+AlwaysPreTouch", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class TpchBenchmark {

  /** The JDBC property (and DuckDB setting) naming the number of threads a query may use. */
  static final String THREADS_PROPERTY = "threads";

  @Param({"0.1"})
  public double scaleFactor;

  @Param({"1", "6"})
  public int query;

  @Param({"tarn", "duckdb"})
  public String engine;

  @Param({"0"})
  public int threads;

  private Connection connection;
  private String sql;
  private Path warehouse;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path lake = TpchLake.generate(scaleFactor);
    sql = TpchLake.query(query);
    if (engine.equals("tarn")) {
      warehouse = Files.createTempDirectory("tarn-bench-warehouse");
      Properties properties = new Properties();
      if (threads > 0) {
        properties.setProperty(THREADS_PROPERTY, Integer.toString(threads));
      }
      connection = DriverManager.getConnection("jdbc:tarn:" + warehouse, properties);
      for (String statement : TpchLake.ddl(lake)) {
        try (Statement st = connection.createStatement()) {
          st.execute(statement);
        }
      }
    } else if (engine.equals("duckdb")) {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET threads = " + (threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
      }
      for (String statement : TpchLake.duckDbViews(lake)) {
        try (Statement st = connection.createStatement()) {
          st.execute(statement);
        }
      }
    } else {
      throw new IllegalArgumentException("engine must be tarn or duckdb: " + engine);
    }
  }

  @Benchmark
  public void run(Blackhole blackhole) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          blackhole.consume(rs.getObject(c));
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    connection.close();
    if (warehouse != null) {
      try (Stream<Path> paths = Files.walk(warehouse)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
