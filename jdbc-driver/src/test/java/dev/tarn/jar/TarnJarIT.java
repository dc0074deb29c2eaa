package dev.tarn.jar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.jdbc.remote.ServerProcess;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an application that adds no JVM flags uses it: started with plain {@code java -cp}, and
 * loaded through a URLClassLoader as BI tools load drivers, embedded and against a server. Runs in {@code verify},
 * after the jar is built.
 */
class TarnJarIT {

  private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "tarn-jdbc.jar");

  @TempDir
  Path temporary;

  @Test
  void writesTheLakeWithoutHadoopOrFlags() throws Exception {
    Process run = run("dev.tarn.cli.TarnCli", "generate", "--output", temporary.resolve("lake").toString());
    String output = output(run);
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("TPC-H SF 0.01 lake at");
    assertThat(temporary.resolve("lake/lineitem/ship_year=1994/ship_month=3/part-0.parquet")).isRegularFile();
  }

  @Test
  void runsSqlWithoutFlags() throws Exception {
    Process run = run("dev.tarn.cli.TarnCli", "sql", "--warehouse", temporary.toString(), "SELECT 1 AS one");
    String output = output(run);
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains(" one").contains("(1 row, ");
  }

  @Test
  void loadsThroughAUrlClassLoader() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Driver driver = (Driver) loader.loadClass("dev.tarn.jdbc.TarnDriver").getConstructor().newInstance();
      try (Connection connection = driver.connect("jdbc:tarn:" + temporary, new Properties());
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1 AS one, 'x' AS letter")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt("one")).isEqualTo(1);
        assertThat(rows.getString("letter")).isEqualTo("x");
        assertThat(rows.next()).isFalse();
      }
    }
  }

  /**
   * Remote mode as an application without JVM flags uses it: a server started from the jar (with the flags the
   * server needs), a fresh client JVM without flags running the shell against it, and the driver loaded through a
   * URLClassLoader in this JVM (no flags either), with a parameter, metadata and statistics.
   */
  @Test
  void remoteModeWorksWithoutFlags() throws Exception {
    try (ServerProcess server = ServerProcess.launch(List.of(java(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-jar", JAR.toString(), "server", "--warehouse", temporary.resolve("served").toString(), "--port", "0",
        "--anonymous"))) {
      String url = "jdbc:tarn://127.0.0.1:" + server.port();
      Process shell = run("dev.tarn.cli.TarnCli", "shell", url, "-e",
          "CREATE DATABASE remote_db; USE remote_db; SELECT 6 * 7 AS answer");
      String output = output(shell);
      assertThat(shell.exitValue()).as(output).isZero();
      assertThat(output).contains(" answer").contains("42");

      try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
          ClassLoader.getPlatformClassLoader())) {
        Driver driver = (Driver) loader.loadClass("dev.tarn.jdbc.TarnDriver").getConstructor().newInstance();
        try (Connection connection = driver.connect(url + ";database=remote_db", new Properties());
            PreparedStatement statement = connection.prepareStatement("SELECT ? + 1 AS answer, 'x' AS letter")) {
          assertThat(connection.getSchema()).isEqualTo("remote_db");
          statement.setInt(1, 41);
          try (ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("answer")).isEqualTo(42);
            assertThat(rows.getString("letter")).isEqualTo("x");
            assertThat(rows.next()).isFalse();
            Class<?> infoType = loader.loadClass("dev.tarn.jdbc.TarnExecutionInfo");
            Object info = rows.unwrap(infoType);
            assertThat(infoType.getMethod("queryId").invoke(info)).isNotNull();
            assertThat(infoType.getMethod("rows").invoke(info)).isEqualTo(1L);
          }
          try (ResultSet schemas = connection.getMetaData().getSchemas()) {
            List<String> names = new ArrayList<>();
            while (schemas.next()) {
              names.add(schemas.getString("TABLE_SCHEM"));
            }
            assertThat(names).contains("default", "remote_db");
          }
        }
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code java -cp tarn-jdbc.jar main arguments} with no JVM flags at all. */
  private static Process run(String main, String... arguments) throws IOException {
    assertThat(JAR).as("build the shaded jar first (mvn verify)").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", JAR.toString(), main));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String output(Process process) throws Exception {
    byte[] bytes = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
