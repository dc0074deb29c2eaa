package dev.tarn.server.sql;

import static org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What GetSqlInfo tells clients about Tarn, matching what the JDBC driver's DatabaseMetaData says embedded:
 * databases are schemas in one catalog, unquoted names fold to lower case, NULLs sort last, DDL creates
 * schemas and tables, there are no transactions, and queries can be cancelled.
 */
final class SqlInfos {

  /** The infos {@link #build} provides, in its order; SqlInfoBuilder fails on any other, so requests are filtered. */
  static final Set<Integer> PROVIDED = Set.of(FLIGHT_SQL_SERVER_NAME_VALUE, FLIGHT_SQL_SERVER_VERSION_VALUE,
      FLIGHT_SQL_SERVER_ARROW_VERSION_VALUE, FLIGHT_SQL_SERVER_READ_ONLY_VALUE, FLIGHT_SQL_SERVER_SQL_VALUE,
      FLIGHT_SQL_SERVER_SUBSTRAIT_VALUE, FLIGHT_SQL_SERVER_TRANSACTION_VALUE, FLIGHT_SQL_SERVER_CANCEL_VALUE,
      FLIGHT_SQL_SERVER_BULK_INGESTION_VALUE, SQL_IDENTIFIER_QUOTE_CHAR_VALUE, SQL_SEARCH_STRING_ESCAPE_VALUE,
      SQL_EXTRA_NAME_CHARACTERS_VALUE, SQL_SCHEMA_TERM_VALUE, SQL_CATALOG_TERM_VALUE, SQL_PROCEDURE_TERM_VALUE,
      SQL_DDL_CATALOG_VALUE, SQL_DDL_SCHEMA_VALUE, SQL_DDL_TABLE_VALUE, SQL_IDENTIFIER_CASE_VALUE,
      SQL_QUOTED_IDENTIFIER_CASE_VALUE, SQL_NULL_ORDERING_VALUE, SQL_ALL_TABLES_ARE_SELECTABLE_VALUE,
      SQL_SUPPORTS_COLUMN_ALIASING_VALUE, SQL_NULL_PLUS_NULL_IS_NULL_VALUE, SQL_SUPPORTS_TABLE_CORRELATION_NAMES_VALUE,
      SQL_SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES_VALUE, SQL_SUPPORTS_EXPRESSIONS_IN_ORDER_BY_VALUE,
      SQL_SUPPORTS_ORDER_BY_UNRELATED_VALUE, SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE_VALUE,
      SQL_SUPPORTS_NON_NULLABLE_COLUMNS_VALUE, SQL_SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY_VALUE,
      SQL_CATALOG_AT_START_VALUE, SQL_SELECT_FOR_UPDATE_SUPPORTED_VALUE, SQL_STORED_PROCEDURES_SUPPORTED_VALUE,
      SQL_CORRELATED_SUBQUERIES_SUPPORTED_VALUE, SQL_TRANSACTIONS_SUPPORTED_VALUE, SQL_BATCH_UPDATES_SUPPORTED_VALUE,
      SQL_SAVEPOINTS_SUPPORTED_VALUE, SQL_NAMED_PARAMETERS_SUPPORTED_VALUE, SQL_KEYWORDS_VALUE);

  private SqlInfos() {}

  /** The requested infos that {@link #build} provides (all of them for an empty request). */
  static List<Integer> provided(List<Integer> requested) {
    return requested.isEmpty() ? List.copyOf(PROVIDED) : requested.stream().filter(PROVIDED::contains).toList();
  }

  /** The Arrow version on the class path: from its jar's manifest or Maven properties (kept in shaded jars). */
  static String arrowVersion() {
    String version = Schema.class.getPackage().getImplementationVersion();
    if (version != null) {
      return version;
    }
    try (InputStream in = Schema.class.getResourceAsStream(
        "/META-INF/maven/org.apache.arrow/arrow-vector/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException unreadable) {
      // fall through: the version is informational
    }
    return "unknown";
  }

  static SqlInfoBuilder build(String version, String arrowVersion) {
    return new SqlInfoBuilder()
        .withFlightSqlServerName("Tarn")
        .withFlightSqlServerVersion(version)
        .withFlightSqlServerArrowVersion(arrowVersion)
        .withFlightSqlServerReadOnly(false)
        .withFlightSqlServerSql(true)
        .withFlightSqlServerSubstrait(false)
        .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
        .withFlightSqlServerCancel(true)
        .withFlightSqlServerBulkIngestion(false)
        .withSqlIdentifierQuoteChar("\"")
        .withSqlSearchStringEscape("\\")
        .withSqlExtraNameCharacters("")
        .withSqlSchemaTerm("database")
        .withSqlCatalogTerm("catalog")
        .withSqlProcedureTerm("procedure")
        .withSqlDdlCatalog(false)
        .withSqlDdlSchema(true)
        .withSqlDdlTable(true)
        .withSqlIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE)
        .withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
        .withSqlNullOrdering(SqlNullOrdering.SQL_NULLS_SORTED_AT_END)
        .withSqlAllTablesAreSelectable(true)
        .withSqlSupportsColumnAliasing(true)
        .withSqlNullPlusNullIsNull(true)
        .withSqlSupportsTableCorrelationNames(true)
        .withSqlSupportsDifferentTableCorrelationNames(true)
        .withSqlSupportsExpressionsInOrderBy(true)
        .withSqlSupportsOrderByUnrelated(true)
        .withSqlSupportsLikeEscapeClause(true)
        .withSqlSupportsNonNullableColumns(false)
        .withSqlSupportsIntegrityEnhancementFacility(false)
        .withSqlCatalogAtStart(true)
        .withSqlSelectForUpdateSupported(false)
        .withSqlStoredProceduresSupported(false)
        .withSqlCorrelatedSubqueriesSupported(true)
        .withSqlTransactionsSupported(false)
        .withSqlBatchUpdatesSupported(false)
        .withSqlSavepointsSupported(false)
        .withSqlNamedParametersSupported(false)
        .withSqlKeywords(new String[] {"EXTERNAL", "LOCATION", "MSCK", "PARTITIONED", "REPAIR", "SHOW", "STORED",
            "TBLPROPERTIES"});
  }
}
