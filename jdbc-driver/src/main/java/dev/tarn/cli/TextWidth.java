package dev.tarn.cli;

import org.jline.utils.WCWidth;

/** Widths of text in terminal columns (East Asian wide characters take two), for aligning tables. */
final class TextWidth {

  private TextWidth() {}

  /** The columns {@code text} takes on a terminal; control characters count as none. */
  static int of(String text) {
    int width = 0;
    for (int index = 0; index < text.length(); ) {
      int codePoint = text.codePointAt(index);
      width += Math.max(0, WCWidth.wcwidth(codePoint));
      index += Character.charCount(codePoint);
    }
    return width;
  }

  /** {@code text} on one line (line breaks and tabs as spaces), cut to {@code maxWidth} columns with "..." (0: no limit). */
  static String oneLine(String text, int maxWidth) {
    String line = text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0
        ? text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')
        : text;
    if (maxWidth <= 0 || line.length() <= maxWidth && of(line) <= maxWidth) {
      return line;
    }
    StringBuilder cut = new StringBuilder();
    int width = 0;
    for (int index = 0; index < line.length(); ) {
      int codePoint = line.codePointAt(index);
      int characterWidth = Math.max(0, WCWidth.wcwidth(codePoint));
      if (width + characterWidth > maxWidth - 3) {
        break;
      }
      cut.appendCodePoint(codePoint);
      width += characterWidth;
      index += Character.charCount(codePoint);
    }
    return cut.append("...").toString();
  }

  /** {@code text} padded with spaces to {@code width} columns, on the left when {@code alignRight}. */
  static String pad(String text, int width, boolean alignRight) {
    int missing = width - of(text);
    if (missing <= 0) {
      return text;
    }
    String padding = " ".repeat(missing);
    return alignRight ? padding + text : text + padding;
  }
}
