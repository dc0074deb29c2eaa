package dev.tarn.jdbc;

import dev.tarn.engine.sql.ParserKeywords;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * The constant half of {@link DatabaseMetaData}: what Tarn's SQL dialect and driver support. Tarn is
 * Athena-like: read-mostly external tables, no transactions, no keys or indexes, lower-case identifiers quoted
 * with {@code "}, databases exposed as JDBC schemas inside one catalog named {@value TarnDriver#CATALOG}.
 */
abstract class DatabaseCapabilities implements DatabaseMetaData {

  // Names, versions, terms.
  @Override public String getDatabaseProductName() { return "Tarn"; }
  @Override public String getDatabaseProductVersion() { return TarnDriver.VERSION; }
  @Override public int getDatabaseMajorVersion() { return TarnDriver.MAJOR_VERSION; }
  @Override public int getDatabaseMinorVersion() { return TarnDriver.MINOR_VERSION; }
  @Override public String getDriverName() { return "Tarn JDBC driver"; }
  @Override public String getDriverVersion() { return TarnDriver.VERSION; }
  @Override public int getDriverMajorVersion() { return TarnDriver.MAJOR_VERSION; }
  @Override public int getDriverMinorVersion() { return TarnDriver.MINOR_VERSION; }
  @Override public int getJDBCMajorVersion() { return 4; }
  @Override public int getJDBCMinorVersion() { return 2; }
  @Override public String getSchemaTerm() { return "database"; }
  @Override public String getCatalogTerm() { return "catalog"; }
  @Override public String getProcedureTerm() { return "procedure"; }
  @Override public String getCatalogSeparator() { return "."; }
  @Override public boolean isCatalogAtStart() { return true; }
  @Override public String getUserName() { return System.getProperty("user.name", ""); }
  @Override public boolean isReadOnly() { return false; }
  @Override public boolean usesLocalFiles() { return false; }
  @Override public boolean usesLocalFilePerTable() { return false; }
  @Override public int getSQLStateType() { return sqlStateSQL; }
  @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
  @Override public boolean locatorsUpdateCopy() { return false; }
  @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
  @Override public boolean generatedKeyAlwaysReturned() { return false; }

  // Identifiers: the catalog stores every name in lower case, as Athena and Glue do, and SQL matches names
  // ignoring case whether or not they are quoted: "Sales" and sales are the same table (DatabaseDialectTest).
  @Override public String getIdentifierQuoteString() { return "\""; }
  @Override public boolean supportsMixedCaseIdentifiers() { return false; }
  @Override public boolean storesUpperCaseIdentifiers() { return false; }
  @Override public boolean storesLowerCaseIdentifiers() { return true; }
  @Override public boolean storesMixedCaseIdentifiers() { return false; }
  @Override public boolean supportsMixedCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesLowerCaseQuotedIdentifiers() { return true; }
  @Override public boolean storesMixedCaseQuotedIdentifiers() { return false; }
  @Override public String getSearchStringEscape() { return "\\"; }
  @Override public String getExtraNameCharacters() { return ""; }
  /** The query parser's reserved words beyond SQL:2003's (Tarn's DDL words are not reserved). */
  @Override public String getSQLKeywords() { return ParserKeywords.nonStandardReservedWords(); }

  // The JDBC escape functions ({fn NAME(...)}) Tarn runs with their Open Group meaning; DatabaseDialectTest runs
  // every Open Group function and checks that exactly these work. DAYOFWEEK is left out: Tarn counts from Monday.
  static final String NUMERIC_FUNCTIONS = "ABS,CEILING,EXP,FLOOR,LOG,LOG10,MOD,POWER,ROUND,SIGN,SQRT,TRUNCATE";
  static final String STRING_FUNCTIONS = "CONCAT,LCASE,LENGTH,LOCATE,LTRIM,REPLACE,RTRIM,SUBSTRING,UCASE";
  static final String TIME_DATE_FUNCTIONS = "CURDATE,DAYOFMONTH,DAYOFYEAR,HOUR,MINUTE,MONTH,NOW,QUARTER,SECOND,"
      + "TIMESTAMPADD,TIMESTAMPDIFF,WEEK,YEAR";
  static final String SYSTEM_FUNCTIONS = "IFNULL";
  @Override public String getNumericFunctions() { return NUMERIC_FUNCTIONS; }
  @Override public String getStringFunctions() { return STRING_FUNCTIONS; }
  @Override public String getSystemFunctions() { return SYSTEM_FUNCTIONS; }
  @Override public String getTimeDateFunctions() { return TIME_DATE_FUNCTIONS; }

  // Nulls sort last in both directions, as in Athena and Trino.
  @Override public boolean nullsAreSortedHigh() { return false; }
  @Override public boolean nullsAreSortedLow() { return false; }
  @Override public boolean nullsAreSortedAtStart() { return false; }
  @Override public boolean nullsAreSortedAtEnd() { return true; }
  @Override public boolean nullPlusNonNullIsNull() { return true; }

  // Query language.
  @Override public boolean allProceduresAreCallable() { return false; }
  @Override public boolean allTablesAreSelectable() { return true; }
  @Override public boolean supportsAlterTableWithAddColumn() { return false; }
  @Override public boolean supportsAlterTableWithDropColumn() { return false; }
  @Override public boolean supportsColumnAliasing() { return true; }
  @Override public boolean supportsConvert() { return false; }
  @Override public boolean supportsConvert(int fromType, int toType) { return false; }
  @Override public boolean supportsTableCorrelationNames() { return true; }
  @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
  @Override public boolean supportsExpressionsInOrderBy() { return true; }
  @Override public boolean supportsOrderByUnrelated() { return true; }
  @Override public boolean supportsGroupBy() { return true; }
  @Override public boolean supportsGroupByUnrelated() { return true; }
  @Override public boolean supportsGroupByBeyondSelect() { return true; }
  @Override public boolean supportsLikeEscapeClause() { return true; }
  @Override public boolean supportsMultipleResultSets() { return false; }
  @Override public boolean supportsMultipleTransactions() { return false; }
  @Override public boolean supportsNonNullableColumns() { return false; }
  @Override public boolean supportsMinimumSQLGrammar() { return true; }
  @Override public boolean supportsCoreSQLGrammar() { return false; }
  @Override public boolean supportsExtendedSQLGrammar() { return false; }
  @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
  @Override public boolean supportsANSI92IntermediateSQL() { return false; }
  @Override public boolean supportsANSI92FullSQL() { return false; }
  @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
  @Override public boolean supportsOuterJoins() { return true; }
  @Override public boolean supportsFullOuterJoins() { return true; }
  @Override public boolean supportsLimitedOuterJoins() { return true; }
  @Override public boolean supportsSchemasInDataManipulation() { return true; }
  @Override public boolean supportsSchemasInProcedureCalls() { return false; }
  @Override public boolean supportsSchemasInTableDefinitions() { return true; }
  @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
  @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsCatalogsInDataManipulation() { return false; }
  @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
  @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
  @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
  @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsPositionedDelete() { return false; }
  @Override public boolean supportsPositionedUpdate() { return false; }
  @Override public boolean supportsSelectForUpdate() { return false; }
  @Override public boolean supportsStoredProcedures() { return false; }
  @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
  @Override public boolean supportsSubqueriesInComparisons() { return true; }
  @Override public boolean supportsSubqueriesInExists() { return true; }
  @Override public boolean supportsSubqueriesInIns() { return true; }
  @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
  @Override public boolean supportsCorrelatedSubqueries() { return true; }
  @Override public boolean supportsUnion() { return true; }
  @Override public boolean supportsUnionAll() { return true; }
  @Override public boolean supportsBatchUpdates() { return true; }
  @Override public boolean supportsSavepoints() { return false; }
  @Override public boolean supportsNamedParameters() { return false; }
  @Override public boolean supportsMultipleOpenResults() { return false; }
  @Override public boolean supportsGetGeneratedKeys() { return false; }
  @Override public boolean supportsStatementPooling() { return false; }

  // Transactions: none; every statement commits on its own.
  @Override public boolean supportsTransactions() { return false; }
  @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_NONE; }
  @Override public boolean supportsTransactionIsolationLevel(int level) { return level == Connection.TRANSACTION_NONE; }
  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
  @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
  @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
  @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
  @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
  @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
  @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
  @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }

  // Result sets: forward-only and read-only.
  @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override public boolean supportsResultSetHoldability(int holdability) { return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT; }
  @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
  @Override public boolean ownUpdatesAreVisible(int type) { return false; }
  @Override public boolean ownDeletesAreVisible(int type) { return false; }
  @Override public boolean ownInsertsAreVisible(int type) { return false; }
  @Override public boolean othersUpdatesAreVisible(int type) { return false; }
  @Override public boolean othersDeletesAreVisible(int type) { return false; }
  @Override public boolean othersInsertsAreVisible(int type) { return false; }
  @Override public boolean updatesAreDetected(int type) { return false; }
  @Override public boolean deletesAreDetected(int type) { return false; }
  @Override public boolean insertsAreDetected(int type) { return false; }

  // Limits: 0 means none known.
  @Override public int getMaxBinaryLiteralLength() { return 0; }
  @Override public int getMaxCharLiteralLength() { return 0; }
  @Override public int getMaxColumnNameLength() { return 255; }
  @Override public int getMaxColumnsInGroupBy() { return 0; }
  @Override public int getMaxColumnsInIndex() { return 0; }
  @Override public int getMaxColumnsInOrderBy() { return 0; }
  @Override public int getMaxColumnsInSelect() { return 0; }
  @Override public int getMaxColumnsInTable() { return 0; }
  @Override public int getMaxConnections() { return 0; }
  @Override public int getMaxCursorNameLength() { return 0; }
  @Override public int getMaxIndexLength() { return 0; }
  @Override public int getMaxSchemaNameLength() { return 255; }
  @Override public int getMaxProcedureNameLength() { return 0; }
  @Override public int getMaxCatalogNameLength() { return 255; }
  @Override public int getMaxRowSize() { return 0; }
  @Override public boolean doesMaxRowSizeIncludeBlobs() { return false; }
  @Override public int getMaxStatementLength() { return 0; }
  @Override public int getMaxStatements() { return 0; }
  @Override public int getMaxTableNameLength() { return 255; }
  @Override public int getMaxTablesInSelect() { return 0; }
  @Override public int getMaxUserNameLength() { return 0; }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
