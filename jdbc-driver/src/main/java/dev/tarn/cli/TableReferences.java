package dev.tarn.cli;

import dev.tarn.cli.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a statement names, with their aliases, found the way a person reads SQL: a name after {@code FROM},
 * {@code JOIN}, {@code DESCRIBE} or {@code TABLE}, more after commas in a {@code FROM} list, each optionally followed
 * by {@code [AS] alias}. Used to complete column names; a heuristic over tokens, not a parser, so half-typed
 * statements work too.
 */
final class TableReferences {

  /**
   * A table named in a statement.
   *
   * @param database the database written before it, or null
   * @param table the table name (unquoted)
   * @param alias its alias, or null
   */
  record Reference(String database, String table, String alias) {

    /** Whether {@code qualifier} (before a dot) means this table: its alias, else its name. */
    boolean isCalled(String qualifier) {
      return alias != null ? alias.equalsIgnoreCase(qualifier) : table.equalsIgnoreCase(qualifier);
    }
  }

  /** Words that end a table reference instead of being an alias. */
  private static final Set<String> NOT_ALIASES = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET",
      "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "ON", "USING", "UNION", "INTERSECT",
      "EXCEPT", "WINDOW", "FETCH", "TABLESAMPLE", "PARTITION", "SELECT", "AS", "WITH", "LATERAL", "SET", "VALUES");

  private TableReferences() {}

  /** The tables {@code statement} names, in order. */
  static List<Reference> in(String statement) {
    List<Token> tokens = SqlTokens.tokenize(statement);
    List<Reference> references = new ArrayList<>();
    for (int index = 0; index < tokens.size(); index++) {
      Token token = tokens.get(index);
      boolean fromList = token.isWord("FROM");
      if (fromList || token.isWord("JOIN") || token.isWord("DESCRIBE") || token.isWord("DESC")
          || token.isWord("TABLE")) {
        index = readReferences(tokens, index + 1, fromList, references) - 1;
      }
    }
    return references;
  }

  /** Reads table references from {@code start}; returns the index of the first token not consumed. */
  private static int readReferences(List<Token> tokens, int start, boolean fromList, List<Reference> references) {
    int index = start;
    while (index < tokens.size() && (tokens.get(index).isWord("IF") || tokens.get(index).isWord("NOT")
        || tokens.get(index).isWord("EXISTS"))) {
      index++; // DROP TABLE IF EXISTS t, CREATE TABLE IF NOT EXISTS t
    }
    while (index < tokens.size() && tokens.get(index).isName() && !isClauseWord(tokens.get(index))) {
      List<String> parts = new ArrayList<>();
      parts.add(tokens.get(index).name());
      index++;
      while (index + 1 < tokens.size() && tokens.get(index).isSymbol('.') && tokens.get(index + 1).isName()) {
        parts.add(tokens.get(index + 1).name());
        index += 2;
      }
      String alias = null;
      if (index < tokens.size() && tokens.get(index).isWord("AS")) {
        index++;
      }
      if (index < tokens.size() && tokens.get(index).isName() && !isClauseWord(tokens.get(index))) {
        alias = tokens.get(index).name();
        index++;
      }
      String table = parts.get(parts.size() - 1);
      String database = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
      references.add(new Reference(database, table, alias));
      if (!fromList || index >= tokens.size() || !tokens.get(index).isSymbol(',')) {
        break;
      }
      index++;
    }
    return Math.max(index, start);
  }

  private static boolean isClauseWord(Token token) {
    return token.kind() == SqlTokens.Kind.WORD && NOT_ALIASES.contains(token.text().toUpperCase(Locale.ROOT));
  }
}
