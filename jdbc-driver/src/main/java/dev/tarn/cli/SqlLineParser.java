package dev.tarn.cli;

import dev.tarn.cli.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the shell's input: Enter accepts the buffer only once it holds complete statements (every one
 * ended by {@code ;}, outside quotes and comments) or a shell command ({@code .mode csv}, {@code help}); otherwise
 * JLine continues the buffer on a new line, so a statement of many lines is edited and recalled from history as
 * one. For completion, a word is a qualified name as SQL writes it: {@code tpch.lineitem}, {@code l.l_orderkey},
 * {@code "odd name"}.
 */
final class SqlLineParser implements Parser {

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
      throw new EOFError(-1, -1, "statement not ended by ';'", ";");
    }
    return wordAt(line, cursor);
  }

  /**
   * Whether {@code buffer} can run as typed: shell commands (each alone on a line) and statements all ended by
   * {@code ;}, or nothing.
   */
  static boolean isComplete(String buffer) {
    return ShellInput.parse(buffer).remainder().isEmpty();
  }

  /** SQL uses backslashes only inside literals; JLine must not treat them as escapes. */
  @Override
  public boolean isEscapeChar(char character) {
    return false;
  }

  /** The word around {@code cursor} and the words of the line. */
  static SqlParsedLine wordAt(String line, int cursor) {
    if (line.stripLeading().startsWith(".") || line.stripLeading().startsWith("\\")) {
      return commandWordAt(line, cursor);
    }
    List<int[]> spans = nameSpans(SqlTokens.tokenize(line), line, cursor);
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordStart = cursor;
    int wordEnd = cursor;
    for (int[] span : spans) {
      if (wordIndex < 0 && span[0] <= cursor && cursor <= span[1]) {
        wordIndex = words.size();
        wordStart = span[0];
        wordEnd = span[1];
      } else if (wordIndex < 0 && span[0] > cursor) {
        wordIndex = words.size();
        words.add("");
      }
      words.add(line.substring(span[0], span[1]));
    }
    if (wordIndex < 0) {
      wordIndex = words.size();
      words.add("");
    }
    return new SqlParsedLine(line, cursor, words, wordIndex, line.substring(wordStart, wordEnd), cursor - wordStart);
  }

  /**
   * The spans of names: adjacent words, quoted identifiers and dots joined ({@code db."t".c}); an unterminated quote
   * ends at the cursor, so completing it never swallows the rest of the line.
   */
  private static List<int[]> nameSpans(List<Token> tokens, String line, int cursor) {
    List<int[]> spans = new ArrayList<>();
    int[] current = null;
    for (Token token : tokens) {
      boolean part = token.isName() || token.isSymbol('.');
      if (!part) {
        current = null;
        continue;
      }
      int end = token.end();
      if (token.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER && !isClosed(token) && token.start() < cursor) {
        end = Math.min(end, cursor);
      }
      if (current != null && current[1] == token.start()) {
        current[1] = end;
      } else {
        current = new int[] {token.start(), end};
        spans.add(current);
      }
    }
    return spans;
  }

  private static boolean isClosed(Token token) {
    String text = token.text();
    return text.length() > 1 && text.charAt(text.length() - 1) == text.charAt(0)
        && SqlTokens.afterQuoted(text, 0, text.charAt(0)) == text.length();
  }

  /** A shell command's words are separated by white space: {@code .mode csv}, {@code .read /tmp/a.sql}. */
  private static SqlParsedLine commandWordAt(String line, int cursor) {
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    String word = "";
    int wordCursor = 0;
    int index = 0;
    while (index <= line.length()) {
      while (index < line.length() && Character.isWhitespace(line.charAt(index))) {
        index++;
      }
      int start = index;
      while (index < line.length() && !Character.isWhitespace(line.charAt(index))) {
        index++;
      }
      if (start <= cursor && cursor <= index && wordIndex < 0) {
        wordIndex = words.size();
        word = line.substring(start, index);
        wordCursor = cursor - start;
      }
      if (start < index || wordIndex == words.size()) {
        words.add(line.substring(start, index));
      }
      if (index >= line.length()) {
        break;
      }
    }
    if (wordIndex < 0) {
      wordIndex = words.size();
      words.add("");
    }
    return new SqlParsedLine(line, cursor, words, wordIndex, word, wordCursor);
  }

  /** A parsed line whose candidates are inserted as given (the completer already quotes names). */
  record SqlParsedLine(String line, int cursor, List<String> words, int wordIndex, String word, int wordCursor)
      implements CompletingParsedLine {

    /** The part of the word before the cursor: what candidates must start with. */
    String prefix() {
      return word.substring(0, wordCursor);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
