package dev.tarn.catalog.store;

import dev.tarn.catalog.model.GlueJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** JDBC boilerplate for the SQLite store: prepared statements with Long, Double, String or null parameters. */
final class SqlStatements {

  private SqlStatements() {}

  static <T> List<T> queryJson(Connection c, String sql, List<Object> parameters, Class<T> type)
      throws SQLException {
    List<T> objects = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, parameters.toArray());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          objects.add(GlueJson.read(result.getString(1), type));
        }
      }
    }
    return objects;
  }

  static List<Long> queryLongs(Connection c, String sql, Object... parameters) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          values.add(result.getLong(1));
        }
      }
    }
    return values;
  }

  static void update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        statement.setNull(i + 1, java.sql.Types.NULL);
      } else if (value instanceof Long || value instanceof Integer) {
        statement.setLong(i + 1, ((Number) value).longValue());
      } else if (value instanceof Double number) {
        statement.setDouble(i + 1, number);
      } else {
        statement.setString(i + 1, value.toString());
      }
    }
  }
}
