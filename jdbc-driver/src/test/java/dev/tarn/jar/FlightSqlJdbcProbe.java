package dev.tarn.jar;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A client that knows only Arrow's Flight SQL JDBC driver: connects to a URL with a user and password, runs each
 * statement and prints its rows (tab-separated, one line each after a "-- statement" line), then prints the
 * tables getTables lists and the {@link MetadataListing} that TarnServerIT compares with Tarn's own driver. Run in a JVM of its own by TarnServerIT, since that driver needs JVM flags.
 */
public final class FlightSqlJdbcProbe {

  private FlightSqlJdbcProbe() {}

  /** Arguments: URL, user, password, statements... */
  public static void main(String[] arguments) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", arguments[1]);
    properties.setProperty("password", arguments[2]);
    try (Connection connection = DriverManager.getConnection(arguments[0], properties)) {
      for (int index = 3; index < arguments.length; index++) {
        System.out.println("-- " + arguments[index]);
        try (Statement statement = connection.createStatement()) {
          if (statement.execute(arguments[index])) {
            print(statement.getResultSet());
          } else {
            System.out.println("updated " + statement.getUpdateCount());
          }
        }
      }
      System.out.println("-- getTables");
      DatabaseMetaData metadata = connection.getMetaData();
      try (ResultSet tables = metadata.getTables(null, null, "%", null)) {
        while (tables.next()) {
          System.out.println(tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME") + "\t"
              + tables.getString("TABLE_TYPE"));
        }
      }
      System.out.print(MetadataListing.of(metadata));
      System.out.println("-- product " + metadata.getDatabaseProductName());
    }
  }

  private static void print(ResultSet rows) throws SQLException {
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      StringBuilder line = new StringBuilder();
      for (int column = 1; column <= columns; column++) {
        line.append(column > 1 ? "\t" : "").append(rows.getString(column));
      }
      System.out.println(line);
    }
  }
}
