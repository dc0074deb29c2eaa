package dev.tarn.catalog.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DDL text into tokens: words, quoted identifiers ({@code `x`} and {@code "x"}, doubled quote escapes), string
 * literals ({@code 'it''s'}), numbers and single-character symbols. Comments ({@code --} to end of line and
 * {@code /* ... *}{@code /}) and whitespace are dropped. Every token carries its line and column for error messages.
 */
final class DdlLexer {

  /** What a token is. Keywords are {@link #WORD}s: Hive's are not reserved in most positions. */
  enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

  /** A token; {@code text} is the unquoted, unescaped value for identifiers and strings. */
  record Token(Kind kind, String text, int line, int column) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    /** The token as an error message shows it. */
    String describe() {
      return switch (kind) {
        case END -> "<EOF>";
        case STRING -> "'" + text + "'";
        case QUOTED_IDENTIFIER -> "\"" + text + "\"";
        default -> "'" + text + "'";
      };
    }
  }

  private final String sql;
  private int position;
  private int line = 1;
  private int lineStart;

  private DdlLexer(String sql) {
    this.sql = sql;
  }

  /** The tokens of {@code sql}, ending with one {@link Kind#END} token. */
  static List<Token> tokenize(String sql) {
    return new DdlLexer(sql).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (position >= sql.length()) {
        tokens.add(new Token(Kind.END, "", line, column()));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int startLine = line;
    int startColumn = column();
    char c = sql.charAt(position);
    if (c == '\'') {
      return new Token(Kind.STRING, quoted('\''), startLine, startColumn);
    }
    if (c == '`' || c == '"') {
      return new Token(Kind.QUOTED_IDENTIFIER, quoted(c), startLine, startColumn);
    }
    if (Character.isDigit(c)) {
      int start = position;
      while (position < sql.length() && (Character.isDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
        position++;
      }
      return new Token(Kind.NUMBER, sql.substring(start, position), startLine, startColumn);
    }
    if (Character.isLetter(c) || c == '_') {
      int start = position;
      while (position < sql.length() && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '_')) {
        position++;
      }
      return new Token(Kind.WORD, sql.substring(start, position), startLine, startColumn);
    }
    position++;
    return new Token(Kind.SYMBOL, String.valueOf(c), startLine, startColumn);
  }

  /** Reads a quoted token starting at the opening quote; a doubled quote stands for one. */
  private String quoted(char quote) {
    int startLine = line;
    int startColumn = column();
    StringBuilder text = new StringBuilder();
    position++;
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (c == quote) {
        if (position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
          text.append(quote);
          position += 2;
          continue;
        }
        position++;
        return text.toString();
      }
      advance(c);
      text.append(c);
    }
    throw new DdlSyntaxException(startLine, startColumn, "unterminated " + (quote == '\'' ? "string literal" : "quoted identifier"));
  }

  private void skipSpaceAndComments() {
    while (position < sql.length()) {
      char c = sql.charAt(position);
      if (Character.isWhitespace(c)) {
        advance(c);
      } else if (sql.startsWith("--", position)) {
        while (position < sql.length() && sql.charAt(position) != '\n') {
          position++;
        }
      } else if (sql.startsWith("/*", position)) {
        int startLine = line;
        int startColumn = column();
        position += 2;
        while (position < sql.length() && !sql.startsWith("*/", position)) {
          advance(sql.charAt(position));
        }
        if (position >= sql.length()) {
          throw new DdlSyntaxException(startLine, startColumn, "unterminated comment");
        }
        position += 2;
      } else {
        return;
      }
    }
  }

  /** Moves past one character, keeping the line count. */
  private void advance(char c) {
    position++;
    if (c == '\n') {
      line++;
      lineStart = position;
    }
  }

  private int column() {
    return position - lineStart + 1;
  }
}
