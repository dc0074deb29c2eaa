package dev.tarn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A forgiving SQL tokenizer for the shell's completion: words, quoted identifiers, string literals and single
 * symbols, with their positions; comments and white space are dropped. Unterminated quotes and comments run to
 * the end of the text (the user is still typing them), never an error.
 */
final class SqlTokens {

  enum Kind { WORD, QUOTED_IDENTIFIER, STRING, SYMBOL }

  /**
   * One token.
   *
   * @param text the token as written (quotes included)
   * @param start its offset in the text
   * @param end the offset after it
   */
  record Token(Kind kind, String text, int start, int end) {

    /** The name a word or quoted identifier denotes: quotes removed (doubled quotes undone), else the text. */
    String name() {
      if (kind != Kind.QUOTED_IDENTIFIER) {
        return text;
      }
      char quote = text.charAt(0);
      boolean closed = text.length() > 1 && text.charAt(text.length() - 1) == quote;
      String inner = text.substring(1, closed ? text.length() - 1 : text.length());
      return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    boolean isWord(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private SqlTokens() {}

  /** The tokens of {@code text}. */
  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int index = 0;
    int length = text.length();
    while (index < length) {
      char character = text.charAt(index);
      int start = index;
      if (Character.isWhitespace(character)) {
        index++;
      } else if (character == '-' && index + 1 < length && text.charAt(index + 1) == '-') {
        int newline = text.indexOf('\n', index);
        index = newline < 0 ? length : newline + 1;
      } else if (character == '/' && index + 1 < length && text.charAt(index + 1) == '*') {
        int end = text.indexOf("*/", index + 2);
        index = end < 0 ? length : end + 2;
      } else if (character == '\'' || character == '"' || character == '`') {
        index = afterQuoted(text, index, character);
        Kind kind = character == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
        tokens.add(new Token(kind, text.substring(start, index), start, index));
      } else if (isWordCharacter(character)) {
        while (index < length && isWordCharacter(text.charAt(index))) {
          index++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, index), start, index));
      } else {
        index++;
        tokens.add(new Token(Kind.SYMBOL, text.substring(start, index), start, index));
      }
    }
    return tokens;
  }

  /** Letters, digits, {@code _} and {@code $}: what an unquoted identifier or keyword is made of. */
  static boolean isWordCharacter(char character) {
    return Character.isLetterOrDigit(character) || character == '_' || character == '$';
  }

  /** The index after the closing quote (a doubled quote is an escaped one), or the end of the text. */
  static int afterQuoted(String text, int open, char quote) {
    int index = open + 1;
    while (index < text.length()) {
      if (text.charAt(index) == quote) {
        if (index + 1 < text.length() && text.charAt(index + 1) == quote) {
          index += 2;
          continue;
        }
        return index + 1;
      }
      index++;
    }
    return text.length();
  }
}
