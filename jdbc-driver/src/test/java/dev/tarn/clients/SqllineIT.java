package dev.tarn.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline, a real JDBC shell, runs a script file against the Tarn driver: {@code !tables}, a query per database,
 * a join, an information_schema query and an error. It runs in a JVM of its own, on its own JLine (3.21, copied
 * into {@code target/sqlline} by the dependency plugin) and the shaded driver jar, with no JVM flags, as a user
 * would start it; the test reads what it printed.
 */
class SqllineIT {

  private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

  @TempDir
  Path temporary;

  @Test
  void runsAScriptAgainstTheDriver() throws Exception {
    Path warehouse = ClientWarehouse.create(temporary);
    Path script = temporary.resolve("script.sql");
    Files.writeString(script, String.join("\n",
        "!tables",
        "SELECT customer_id, name, country FROM sales.customers ORDER BY customer_id;",
        "SELECT order_year, count(*) AS orders, sum(amount) AS total FROM sales.orders GROUP BY order_year "
            + "ORDER BY order_year;",
        "SELECT c.region, p.url, count(*) AS clicks FROM web.clicks c JOIN web.pages p ON c.page_id = p.page_id "
            + "GROUP BY c.region, p.url ORDER BY c.region, p.url;",
        "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            + "WHERE extra_info = 'partition key' ORDER BY table_schema;",
        "SELECT * FROM sales.no_such_table;",
        "SELECT count(*) AS notes FROM notes;",
        "!quit", ""));

    String output = sqlline("-u", "jdbc:tarn:" + warehouse, "-n", "analyst", "-p", "", "--outputformat=csv",
        "--force=true", "-f", script.toString());

    // !tables: every table of every database with its JDBC table type.
    assertThat(output).contains("'tarn','sales','customers','EXTERNAL TABLE','who buys'")
        .contains("'tarn','sales','orders','EXTERNAL TABLE'").contains("'tarn','web','clicks','EXTERNAL TABLE'")
        .contains("'tarn','web','pages','EXTERNAL TABLE'").contains("'tarn','default','notes','EXTERNAL TABLE'")
        .contains("'tarn','system','queries','SYSTEM TABLE'");
    // Query rows, in sqlline's CSV format.
    assertThat(output).contains("'customer_id','name','country'\n'1','customer 1','FR'\n'2','customer 2','NZ'\n"
        + "'3','customer 3','FR'");
    assertThat(output).contains("'order_year','orders','total'\n'2023','3','126.00'\n'2024','3','94.50'");
    assertThat(output).contains("'region','url','clicks'\n'eu','/page/1','1'\n'eu','/page/2','1'\n"
        + "'us','/page/1','1'\n'us','/page/2','2'");
    assertThat(output).contains("'sales','orders','order_year'\n'web','clicks','region'");
    // A failing statement reports Tarn's error and SQLSTATE; the connection serves the rest of the script.
    assertThat(output).contains("Error: NOT_FOUND: ").contains("'no_such_table' not found within 'sales'")
        .contains("(state=42S02");
    assertThat(output).contains("'notes'\n'1'");
  }

  @Test
  void theDriverJarHoldsNoneOfTheTestClients() throws IOException {
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(TARGET.resolve("tarn-jdbc.jar").toFile())) {
      List<String> clientClasses = jar.stream().map(java.util.zip.ZipEntry::getName)
          .filter(name -> name.startsWith("sqlline/") || name.startsWith("schemacrawler/")
              || name.startsWith("us/fatehi/") || name.startsWith("org/jline/"))
          .toList();
      assertThat(clientClasses).isEmpty();
    }
  }

  /** Runs sqlline in a fresh JVM without flags and returns what it printed (stdout and stderr). */
  private String sqlline(String... arguments) throws IOException, InterruptedException {
    Path jar = TARGET.resolve("tarn-jdbc.jar");
    Path sqllineDirectory = TARGET.resolve("sqlline");
    assertThat(jar).as("build the shaded jar first (mvn verify)").isRegularFile();
    List<String> classpath;
    try (Stream<Path> jars = Files.list(sqllineDirectory)) {
      classpath = Stream.concat(jars.map(Path::toString).sorted(), Stream.of(jar.toString())).toList();
    }
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classpath), "sqlline.SqlLine"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    byte[] printed = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new String(printed, StandardCharsets.UTF_8);
  }
}
