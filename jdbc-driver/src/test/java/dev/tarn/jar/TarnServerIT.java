package dev.tarn.jar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.jdbc.remote.RemoteFixture;
import dev.tarn.jdbc.remote.ServerProcess;
import dev.tarn.server.auth.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "must show": {@code ./tarn server} (the real launcher script, over the shaded jar) serves a TPC-H
 * warehouse, and Arrow's Flight SQL JDBC driver (as DBeaver uses it) queries it with a user and password. That
 * driver runs in a JVM of its own because it needs JVM flags; this one has none. Runs in {@code verify}.
 */
class TarnServerIT {

  private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();

  @TempDir
  Path temporary;

  @Test
  void arrowsFlightSqlJdbcDriverQueriesTarnServer() throws Exception {
    Path warehouse = warehouseWithTpch();
    Files.writeString(warehouse.resolve("server.properties"),
        "user.analyst=" + PasswordHash.hash("flight pass".toCharArray()) + "\n");
    String tarnsOwnMetadata;
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + warehouse)) {
      tarnsOwnMetadata = MetadataListing.of(connection.getMetaData());
    }
    try (ServerProcess server = ServerProcess.launch(List.of(ROOT.resolve("tarn").toString(), "server",
        "--warehouse", warehouse.toString(), "--port", "0"))) {
      assertThat(server.output()).contains("users: analyst").contains("anonymous access: off");
      String output = probe("jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false",
          "SELECT count(*) AS n FROM tpch.lineitem",
          "SELECT r_name FROM tpch.region ORDER BY r_name",
          "SHOW TABLES IN tpch",
          "SELECT o_orderpriority, count(*) FROM tpch.orders WHERE order_year = 1995"
              + " GROUP BY o_orderpriority ORDER BY 1");
      assertThat(output).contains("-- SELECT count(*) AS n FROM tpch.lineitem\n60175\n");
      assertThat(output).contains("AFRICA\nAMERICA\nASIA\nEUROPE\nMIDDLE EAST\n");
      assertThat(output).contains("-- SHOW TABLES IN tpch\ncustomer\nlineitem\nnation\norders\npart\npartsupp\n"
          + "region\nsupplier\n");
      assertThat(output).containsPattern("1-URGENT\t\\d+\n2-HIGH\t\\d+");
      assertThat(output).contains("tpch.lineitem\tEXTERNAL TABLE").contains("tpch.supplier\tEXTERNAL TABLE");
      assertThat(output).contains("-- product Tarn");
      assertThat(output).as("a Flight SQL client sees the schemas, table types, tables and columns Tarn's driver does")
          .contains(tarnsOwnMetadata).contains("-- getTableTypes\nEXTERNAL TABLE\nSYSTEM TABLE\nTABLE\nVIEW\n")
          .contains("information_schema\nsystem\n").contains("system.queries\tSYSTEM TABLE\n")
          .contains("system.queries.query_id\t");
    }
  }

  private Path warehouseWithTpch() throws Exception {
    return RemoteFixture.tpchWarehouse(temporary);
  }

  /** Runs {@link FlightSqlJdbcProbe} in a JVM with Arrow's driver and the flags it needs; returns its output. */
  private static String probe(String url, String... statements) throws Exception {
    Path driverJar = Path.of(Class.forName("org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver", false,
        TarnServerIT.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation().toURI());
    Path probeClasses = Path.of(FlightSqlJdbcProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        driverJar + java.io.File.pathSeparator + probeClasses, FlightSqlJdbcProbe.class.getName(),
        url, "analyst", "flight pass"));
    command.addAll(List.of(statements));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
