package dev.tarn.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of every {@link java.sql.DatabaseMetaData} result set, with the names and types the JDBC 4.2
 * specification gives them. A spec is {@code NAME} (VARCHAR) or {@code NAME:TYPE}.
 */
final class MetadataColumns {

  static final List<ColumnDescription> CATALOGS = of("TABLE_CAT");
  static final List<ColumnDescription> SCHEMAS = of("TABLE_SCHEM", "TABLE_CATALOG");
  static final List<ColumnDescription> TABLE_TYPES = of("TABLE_TYPE");
  static final List<ColumnDescription> TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
      "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
  static final List<ColumnDescription> COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
      "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:INTEGER",
      "NUM_PREC_RADIX:INTEGER", "NULLABLE:INTEGER", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER",
      "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE",
      "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT", "IS_AUTOINCREMENT",
      "IS_GENERATEDCOLUMN");
  static final List<ColumnDescription> TYPE_INFO = of("TYPE_NAME", "DATA_TYPE:INTEGER", "PRECISION:INTEGER",
      "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE:SMALLINT", "CASE_SENSITIVE:BOOLEAN",
      "SEARCHABLE:SMALLINT", "UNSIGNED_ATTRIBUTE:BOOLEAN", "FIXED_PREC_SCALE:BOOLEAN", "AUTO_INCREMENT:BOOLEAN",
      "LOCAL_TYPE_NAME", "MINIMUM_SCALE:SMALLINT", "MAXIMUM_SCALE:SMALLINT", "SQL_DATA_TYPE:INTEGER",
      "SQL_DATETIME_SUB:INTEGER", "NUM_PREC_RADIX:INTEGER");
  static final List<ColumnDescription> PROCEDURES = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
      "RESERVED1", "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE:SMALLINT", "SPECIFIC_NAME");
  static final List<ColumnDescription> PROCEDURE_COLUMNS = of("PROCEDURE_CAT", "PROCEDURE_SCHEM",
      "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:SMALLINT", "DATA_TYPE:INTEGER", "TYPE_NAME",
      "PRECISION:INTEGER", "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT", "NULLABLE:SMALLINT", "REMARKS",
      "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER",
      "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SPECIFIC_NAME");
  static final List<ColumnDescription> FUNCTIONS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
      "REMARKS", "FUNCTION_TYPE:SMALLINT", "SPECIFIC_NAME");
  static final List<ColumnDescription> FUNCTION_COLUMNS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
      "COLUMN_NAME", "COLUMN_TYPE:SMALLINT", "DATA_TYPE:INTEGER", "TYPE_NAME", "PRECISION:INTEGER",
      "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT", "NULLABLE:SMALLINT", "REMARKS",
      "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SPECIFIC_NAME");
  static final List<ColumnDescription> COLUMN_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
  static final List<ColumnDescription> TABLE_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
  static final List<ColumnDescription> BEST_ROW_IDENTIFIER = of("SCOPE:SMALLINT", "COLUMN_NAME",
      "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT",
      "PSEUDO_COLUMN:SMALLINT");
  static final List<ColumnDescription> VERSION_COLUMNS = of("SCOPE:SMALLINT", "COLUMN_NAME", "DATA_TYPE:INTEGER",
      "TYPE_NAME", "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT",
      "PSEUDO_COLUMN:SMALLINT");
  static final List<ColumnDescription> PRIMARY_KEYS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "COLUMN_NAME", "KEY_SEQ:SMALLINT", "PK_NAME");
  /** Imported keys, exported keys and cross references share these columns. */
  static final List<ColumnDescription> KEYS = of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:SMALLINT",
      "UPDATE_RULE:SMALLINT", "DELETE_RULE:SMALLINT", "FK_NAME", "PK_NAME", "DEFERRABILITY:SMALLINT");
  static final List<ColumnDescription> INDEX_INFO = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "NON_UNIQUE:BOOLEAN", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE:SMALLINT", "ORDINAL_POSITION:SMALLINT",
      "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:BIGINT", "PAGES:BIGINT", "FILTER_CONDITION");
  static final List<ColumnDescription> UDTS = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME",
      "DATA_TYPE:INTEGER", "REMARKS", "BASE_TYPE:SMALLINT");
  static final List<ColumnDescription> SUPER_TYPES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
      "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
  static final List<ColumnDescription> SUPER_TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "SUPERTABLE_NAME");
  static final List<ColumnDescription> ATTRIBUTES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
      "DATA_TYPE:INTEGER", "ATTR_TYPE_NAME", "ATTR_SIZE:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER",
      "NULLABLE:INTEGER", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER",
      "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
      "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT");
  static final List<ColumnDescription> CLIENT_INFO_PROPERTIES = of("NAME", "MAX_LEN:INTEGER", "DEFAULT_VALUE",
      "DESCRIPTION");
  static final List<ColumnDescription> PSEUDO_COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "COLUMN_NAME", "DATA_TYPE:INTEGER", "COLUMN_SIZE:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER",
      "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:INTEGER", "IS_NULLABLE");

  private MetadataColumns() {
  }

  private static List<ColumnDescription> of(String... specs) {
    List<ColumnDescription> columns = new ArrayList<>(specs.length);
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      SqlType type = colon < 0 ? JdbcTypes.VARCHAR : switch (spec.substring(colon + 1)) {
        case "INTEGER" -> JdbcTypes.INTEGER;
        case "SMALLINT" -> JdbcTypes.SMALLINT;
        case "BIGINT" -> JdbcTypes.BIGINT;
        case "BOOLEAN" -> JdbcTypes.BOOLEAN;
        default -> throw new IllegalArgumentException(spec);
      };
      columns.add(ColumnDescription.nullable(name, type));
    }
    return List.copyOf(columns);
  }
}
