package dev.tarn.jdbc.remote;

import dev.tarn.server.auth.PasswordHash;
import dev.tarn.server.auth.TokenHash;
import dev.tarn.tpch.TpchLakeGenerator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A warehouse for remote tests: the TPC-H SF 0.01 lake declared with the acceptance DDL (database {@code tpch})
 * plus database {@code analytics} with one commented table, and a server config that lets in user
 * {@value #USER} and token {@value #TOKEN}, and nobody anonymously.
 */
public final class RemoteFixture {

  static final String USER = "alice";
  static final String PASSWORD = "s3cret pass";
  static final String TOKEN = "tok-4f9a2c1e7b3d";
  static final String CREDENTIALS = ";user=" + USER + ";password=" + PASSWORD;
  /** 60,175 x 15,000 pairs through a nested-loop join: minutes of work, for cancellation. */
  static final String LONG_QUERY = "SELECT count(*) FROM tpch.lineitem l CROSS JOIN tpch.orders o"
      + " WHERE l.l_orderkey + o.o_orderkey < 0";

  private RemoteFixture() {}

  /** A warehouse under {@code folder} with the TPC-H tables (SF 0.01) in database tpch; returns its directory. */
  public static Path tpchWarehouse(Path folder) throws Exception {
    Path lake = TpchLakeGenerator.generate(folder.resolve("lake"), 0.01);
    Path warehouse = folder.resolve("warehouse");
    String ddl;
    try (InputStream in = TpchLakeGenerator.class.getResourceAsStream("ddl-athena.sql")) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${DATA}", lake.toString());
    }
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + warehouse);
        Statement statement = connection.createStatement()) {
      for (String sql : ddl.replaceAll("--[^\n]*", "").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
    return warehouse;
  }

  /** Creates the warehouse under {@code folder} (TPC-H plus database analytics); returns its directory. */
  static Path create(Path folder) throws Exception {
    Path warehouse = tpchWarehouse(folder);
    Path lake = folder.resolve("lake");
    try (Connection connection = DriverManager.getConnection("jdbc:tarn:" + warehouse);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE analytics COMMENT 'derived data'");
      statement.execute("CREATE EXTERNAL TABLE analytics.nations (n_nationkey bigint COMMENT 'the key',"
          + " n_name varchar(25), n_regionkey int, n_comment string) COMMENT 'nations again'"
          + " STORED AS PARQUET LOCATION '" + lake.resolve("nation") + "'");
    }
    Files.writeString(warehouse.resolve("server.properties"), "user." + USER + "="
        + PasswordHash.hash(PASSWORD.toCharArray()) + "\ntoken.ci=" + TokenHash.hash(TOKEN) + "\n");
    return warehouse;
  }
}
