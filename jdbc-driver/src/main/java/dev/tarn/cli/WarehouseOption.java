package dev.tarn.cli;

import dev.tarn.engine.api.EngineConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The {@code --warehouse} option shared by the subcommands: the flag, else $TARN_WAREHOUSE, else ~/.tarn/warehouse. */
final class WarehouseOption {

  static final String ENVIRONMENT_VARIABLE = "TARN_WAREHOUSE";

  @Option(names = {"-w", "--warehouse"}, paramLabel = "DIR",
      description = "Warehouse directory (default: $TARN_WAREHOUSE, else ~/.tarn/warehouse)")
  Path warehouse;

  Path warehouse() {
    if (warehouse != null) {
      return warehouse.toAbsolutePath().normalize();
    }
    String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment).toAbsolutePath().normalize();
    }
    return EngineConfig.defaultWarehouse();
  }

  /** The embedded JDBC URL of the warehouse. */
  String url() {
    return "jdbc:tarn:" + warehouse();
  }

  /** Connects through the JDBC driver, optionally starting in {@code database}. */
  static Connection connect(String url, String database) throws SQLException {
    Properties properties = new Properties();
    if (database != null) {
      properties.setProperty("database", database);
    }
    return DriverManager.getConnection(url, properties);
  }
}
