package dev.tarn.jar;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The schemas, table types, tables and columns a JDBC driver's metadata lists, as text, so that Tarn's own driver
 * and Arrow's Flight SQL driver (run in a JVM of its own by {@link FlightSqlJdbcProbe}) can be compared.
 * Only the columns both drivers fill from the server are printed: names, types as Tarn names them, positions.
 */
final class MetadataListing {

  private MetadataListing() {}

  static String of(DatabaseMetaData metadata) throws SQLException {
    StringBuilder text = new StringBuilder("-- getSchemas\n");
    try (ResultSet schemas = metadata.getSchemas()) {
      while (schemas.next()) {
        text.append(schemas.getString("TABLE_SCHEM")).append('\n');
      }
    }
    text.append("-- getTableTypes\n");
    try (ResultSet types = metadata.getTableTypes()) {
      while (types.next()) {
        text.append(types.getString("TABLE_TYPE")).append('\n');
      }
    }
    text.append("-- getTables (all types)\n");
    try (ResultSet tables = metadata.getTables(null, null, "%", null)) {
      while (tables.next()) {
        text.append(tables.getString("TABLE_SCHEM")).append('.').append(tables.getString("TABLE_NAME")).append('\t')
            .append(tables.getString("TABLE_TYPE")).append('\n');
      }
    }
    text.append("-- getColumns (system tables)\n");
    try (ResultSet columns = metadata.getColumns(null, "system", "%", "%")) {
      while (columns.next()) {
        text.append(columns.getString("TABLE_SCHEM")).append('.').append(columns.getString("TABLE_NAME")).append('.')
            .append(columns.getString("COLUMN_NAME")).append('\t').append(columns.getInt("ORDINAL_POSITION"))
            .append('\n');
      }
    }
    text.append("-- end of metadata\n");
    return text.toString();
  }
}
