package dev.tarn.jdbc;

import dev.tarn.engine.api.BuiltInFunctions;
import dev.tarn.engine.api.metadata.NamePattern;
import dev.tarn.engine.api.metadata.Relations;
import dev.tarn.engine.api.metadata.TableTypes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The catalog half of {@link DatabaseMetaData}: schemas (Tarn databases), tables, columns, table types and
 * types answered from the connection's catalog store; everything Tarn does not have (keys, indexes, procedures,
 * privileges, user-defined types) answered with an empty result set that has the standard columns.
 */
final class TarnDatabaseMetaData extends DatabaseCapabilities {

  private final TarnConnection connection;

  TarnDatabaseMetaData(TarnConnection connection) {
    this.connection = connection;
  }

  @Override public Connection getConnection() { return connection; }
  @Override public String getURL() { return connection.url(); }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return rows(MetadataColumns.CATALOGS, List.<Object[]>of(new Object[] {TarnDriver.CATALOG}));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return rows(MetadataColumns.SCHEMAS, catalogRows -> catalogRows.schemas(catalog, schemaPattern));
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    List<Object[]> types = new ArrayList<>();
    for (String type : TableTypes.ALL) {
      types.add(new Object[] {type});
    }
    return rows(MetadataColumns.TABLE_TYPES, types);
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types)
      throws SQLException {
    return rows(MetadataColumns.TABLES, catalogRows -> catalogRows.tables(catalog, schemaPattern, tablePattern,
        types));
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    return rows(MetadataColumns.COLUMNS, catalogRows -> catalogRows.columns(catalog, schemaPattern, tablePattern,
        columnPattern));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return rows(MetadataColumns.TYPE_INFO, TypeInfoRows.rows());
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedurePattern)
      throws SQLException {
    return empty(MetadataColumns.PROCEDURES);
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedurePattern,
      String columnPattern) throws SQLException {
    return empty(MetadataColumns.PROCEDURE_COLUMNS);
  }

  /**
   * The built-in functions Tarn executes (scalar, aggregate and window), which belong to no schema: a schema
   * pattern other than null or "" selects none.
   */
  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionPattern)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (Relations.isCatalog(catalog) && (schemaPattern == null || schemaPattern.isEmpty())) {
      NamePattern names = NamePattern.of(functionPattern);
      for (BuiltInFunctions.Function function : BuiltInFunctions.all()) {
        if (names.matches(function.name())) {
          String kind = function.kind().name().toLowerCase(Locale.ROOT);
          rows.add(new Object[] {TarnDriver.CATALOG, null, function.name(), kind + ": " + function.description(),
              DatabaseMetaData.functionNoTable, function.name()});
        }
      }
    }
    return rows(MetadataColumns.FUNCTIONS, rows);
  }

  /** Empty: Tarn's functions are overloaded by argument type, and their signatures are not described yet. */
  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionPattern,
      String columnPattern) throws SQLException {
    return empty(MetadataColumns.FUNCTION_COLUMNS);
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnPattern)
      throws SQLException {
    return empty(MetadataColumns.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tablePattern)
      throws SQLException {
    return empty(MetadataColumns.TABLE_PRIVILEGES);
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return empty(MetadataColumns.BEST_ROW_IDENTIFIER);
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    return empty(MetadataColumns.VERSION_COLUMNS);
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return empty(MetadataColumns.PRIMARY_KEYS);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(MetadataColumns.KEYS);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(MetadataColumns.KEYS);
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return empty(MetadataColumns.KEYS);
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return empty(MetadataColumns.INDEX_INFO);
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typePattern, int[] types)
      throws SQLException {
    return empty(MetadataColumns.UDTS);
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typePattern) throws SQLException {
    return empty(MetadataColumns.SUPER_TYPES);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tablePattern) throws SQLException {
    return empty(MetadataColumns.SUPER_TABLES);
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typePattern, String attributePattern)
      throws SQLException {
    return empty(MetadataColumns.ATTRIBUTES);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return empty(MetadataColumns.CLIENT_INFO_PROPERTIES);
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tablePattern,
      String columnPattern) throws SQLException {
    return empty(MetadataColumns.PSEUDO_COLUMNS);
  }

  /** Builds rows from the catalog store, turning catalog failures into SQLExceptions. */
  private interface RowSource {
    List<Object[]> rows(CatalogRows catalogRows);
  }

  private ResultSet rows(List<ColumnDescription> columns, RowSource source) throws SQLException {
    CatalogRows catalogRows = new CatalogRows(connection.catalog());
    try {
      return rows(columns, source.rows(catalogRows));
    } catch (RuntimeException e) {
      throw SqlErrors.toSqlException(e);
    }
  }

  private ResultSet rows(List<ColumnDescription> columns, List<Object[]> rows) throws SQLException {
    connection.checkOpen();
    return new InMemoryResultSet(null, columns, rows);
  }

  private ResultSet empty(List<ColumnDescription> columns) throws SQLException {
    return rows(columns, List.of());
  }
}
