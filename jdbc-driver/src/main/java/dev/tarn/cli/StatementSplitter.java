package dev.tarn.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside string literals ({@code '...'}), quoted
 * identifiers ({@code "..."} and {@code `...`}) and comments ({@code --} to the end of the line and
 * {@code /* ... *}{@code /}). Text after the last semicolon is the unfinished remainder.
 */
final class StatementSplitter {

  /** The complete statements (trimmed, without their semicolons, empty ones dropped) and the unfinished rest. */
  record Split(List<String> statements, String remainder) {}

  private StatementSplitter() {
  }

  static Split split(String text) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int index = 0;
    int length = text.length();
    while (index < length) {
      char character = text.charAt(index);
      if (character == '\'' || character == '"' || character == '`') {
        index = skipQuoted(text, index, character);
      } else if (character == '-' && index + 1 < length && text.charAt(index + 1) == '-') {
        int newline = text.indexOf('\n', index);
        index = newline < 0 ? length : newline + 1;
      } else if (character == '/' && index + 1 < length && text.charAt(index + 1) == '*') {
        int end = text.indexOf("*/", index + 2);
        index = end < 0 ? length : end + 2;
      } else if (character == ';') {
        String statement = text.substring(start, index).trim();
        if (!isBlank(statement)) {
          statements.add(statement);
        }
        start = ++index;
      } else {
        index++;
      }
    }
    String remainder = text.substring(start);
    return new Split(statements, isBlank(remainder) ? "" : remainder);
  }

  /** The index after the closing quote (a doubled quote is an escaped one), or the end of the text. */
  private static int skipQuoted(String text, int open, char quote) {
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

  /** Whether text holds nothing but white space and comments. */
  static boolean isBlank(String text) {
    String withoutComments = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    return withoutComments.isBlank();
  }
}
