package dev.tarn.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The SQL words the shell completes (Athena's queries and DDL), and how an identifier must be written. */
final class SqlKeywords {

  /** Keywords offered for completion, upper case. */
  static final List<String> ALL = List.of(
      "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BIGINT", "BINARY", "BOOLEAN",
      "BY", "CASE", "CAST", "CHAR", "COLUMNS", "COMMENT", "CREATE", "CROSS", "CUBE", "CURRENT", "DATABASE",
      "DATABASES", "DATE", "DECIMAL", "DESC", "DESCRIBE", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE",
      "EXCEPT", "EXISTS", "EXPLAIN", "EXTERNAL", "EXTRACT", "FALSE", "FILTER", "FIRST", "FLOAT", "FOLLOWING", "FOR",
      "FROM", "FULL", "GROUP", "GROUPING", "HAVING", "IF", "IN", "INNER", "INT", "INTEGER", "INTERSECT", "INTERVAL",
      "INTO", "IS", "JOIN", "LAST", "LEFT", "LIKE", "LIMIT", "LOCATION", "MSCK", "NATURAL", "NOT", "NULL", "NULLS",
      "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARQUET", "PARTITION", "PARTITIONED", "PARTITIONS",
      "PRECEDING", "RANGE", "REAL", "RECURSIVE", "REPAIR", "RIGHT", "ROLLUP", "ROW", "ROWS", "SCHEMA", "SCHEMAS",
      "SELECT", "SETS", "SHOW", "SMALLINT", "STORED", "STRING", "TABLE", "TABLES", "TBLPROPERTIES", "THEN",
      "TIMESTAMP", "TINYINT", "TRUE", "TRY_CAST", "UNBOUNDED", "UNION", "USE", "USING", "VALUES", "VARCHAR", "VIEW",
      "WHEN", "WHERE", "WINDOW", "WITH");

  /** Words that cannot be used as a bare identifier, so names equal to them are offered quoted. */
  private static final Set<String> RESERVED = Set.of("ALL", "AND", "AS", "BETWEEN", "BY", "CASE", "CAST", "CREATE",
      "CROSS", "CURRENT", "DATE", "DESCRIBE", "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FOR",
      "FROM", "FULL", "GROUP", "HAVING", "IN", "INNER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "LEFT", "LIKE",
      "LIMIT", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "RANGE",
      "RIGHT", "ROW", "ROWS", "SELECT", "TABLE", "THEN", "TIMESTAMP", "TRUE", "UNION", "USING", "VALUES", "WHEN",
      "WHERE", "WINDOW", "WITH");

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private SqlKeywords() {}

  /**
   * {@code name} as it must be typed: bare when it is lower case letters, digits and underscores and not reserved
   * (Tarn folds unquoted names to lower case), else in double quotes with inner quotes doubled.
   */
  static String identifier(String name) {
    if (PLAIN_IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
