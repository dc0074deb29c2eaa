package dev.tarn.engine;

/** Stable error codes, each with the SQLSTATE the JDBC driver reports for it. */
public enum ErrorCode {
  SYNTAX_ERROR("42000"),
  VALIDATION_ERROR("42000"),
  NOT_FOUND("42S02"),
  ALREADY_EXISTS("42S01"),
  NOT_SUPPORTED("0A000"),
  INVALID_ARGUMENT("22023"),
  DIVISION_BY_ZERO("22012"),
  NUMERIC_OVERFLOW("22003"),
  INVALID_CAST("22018"),
  /** A scalar subquery produced more than one row (SQLSTATE cardinality violation). */
  SUBQUERY_MULTIPLE_ROWS("21000"),
  SCHEMA_MISMATCH("42804"),
  CORRUPT_FILE("XX001"),
  IO_ERROR("58030"),
  OUT_OF_MEMORY("53200"),
  CANCELLED("57014"),
  CATALOG_ERROR("58000"),
  INTERNAL_ERROR("XX000"),
  /** Missing or wrong credentials for a Tarn server (SQLSTATE invalid authorization specification). */
  AUTHENTICATION_FAILED("28000"),
  /** A Tarn server cannot be reached, or the connection to it was lost. */
  CONNECTION_FAILED("08001");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
