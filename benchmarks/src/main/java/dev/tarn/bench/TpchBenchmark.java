package dev.tarn.bench;

import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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
 * <p>Run: {@code java -jar benchmarks/target/tarn-benchmarks.jar TpchBenchmark -p scaleFactor=1 -p query=1,6}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class TpchBenchmark {

  @Param({"0.1"})
  public double scaleFactor;

  @Param({"1", "6"})
  public int query;

  @Param({"tarn", "duckdb"})
  public String engine;

  private Connection connection;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dataRoot = Path.of(System.getProperty("tarn.bench.data",
        Path.of(System.getProperty("user.home"), ".tarn", "bench-data").toString()));
    Path lake = TpchLakeGenerator.generate(dataRoot.resolve("tpch-sf" + TpchLakeGenerator.formatScaleFactor(scaleFactor)),
        scaleFactor);
    sql = resource(String.format("/dev/tarn/tpch/queries/q%02d.sql", query));
    if (engine.equals("tarn")) {
      Path warehouse = Files.createTempDirectory("tarn-bench-warehouse");
      connection = DriverManager.getConnection("jdbc:tarn:" + warehouse);
      for (String statement : resource("/dev/tarn/tpch/ddl-athena.sql").replace("${DATA}", lake.toString()).split(";\\s*\\n")) {
        String trimmed = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
        if (!trimmed.isEmpty()) {
          try (Statement st = connection.createStatement()) {
            st.execute(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
          }
        }
      }
    } else {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement()) {
        st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
        st.execute("CREATE SCHEMA tpch");
        for (String table : new String[] {"lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"}) {
          String hive = switch (table) {
            case "lineitem" -> "true, hive_types = {'ship_year': INTEGER, 'ship_month': INTEGER}";
            case "orders" -> "true, hive_types = {'order_year': INTEGER}";
            default -> "false";
          };
          st.execute("CREATE VIEW tpch." + table + " AS SELECT * FROM read_parquet('" + lake.resolve(table)
              + "/**/*.parquet', hive_partitioning = " + hive + ")");
        }
      }
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
  public void tearDown() throws SQLException {
    connection.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = TpchBenchmark.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
