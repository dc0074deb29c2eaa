package dev.tarn.engine.sql;

import org.apache.calcite.sql.parser.SqlParser;

/** What Tarn's SQL parser reserves, for clients that must know which names to quote (JDBC's getSQLKeywords). */
public final class ParserKeywords {
  private ParserKeywords() {}

  private static final String JDBC_KEYWORDS = SqlParser.create("", QueryPlanner.PARSER_CONFIG).getMetadata()
      .getJdbcKeywords();

  /** The parser's reserved words that are not SQL:2003 keywords, comma-separated, upper case. */
  public static String nonStandardReservedWords() {
    return JDBC_KEYWORDS;
  }
}
