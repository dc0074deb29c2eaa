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
    // The tokenizer already steps over literals, quoted identifiers and comments: a ';' symbol ends a statement.
    for (SqlTokens.Token token : SqlTokens.tokenize(text)) {
      if (token.isSymbol(';')) {
        String statement = text.substring(start, token.start()).trim();
        if (!isBlank(statement)) {
          statements.add(statement);
        }
        start = token.end();
      }
    }
    String remainder = text.substring(start);
    return new Split(statements, isBlank(remainder) ? "" : remainder);
  }

  /** Whether text holds nothing but white space and comments. */
  static boolean isBlank(String text) {
    String withoutComments = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    return withoutComments.isBlank();
  }
}
