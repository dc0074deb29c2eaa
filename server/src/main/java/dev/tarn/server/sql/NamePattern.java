package dev.tarn.server.sql;

import java.util.regex.Pattern;

/**
 * A Flight SQL / JDBC name pattern: {@code %} any run of characters, {@code _} any one, {@code \} escapes; null
 * matches everything. Case-insensitive, as the JDBC driver's metadata is, because Tarn stores names in lower case.
 */
final class NamePattern {

  private static final NamePattern ANY = new NamePattern(null);

  private final Pattern regex;

  private NamePattern(Pattern regex) {
    this.regex = regex;
  }

  static NamePattern of(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      return ANY;
    }
    StringBuilder regex = new StringBuilder();
    for (int index = 0; index < pattern.length(); index++) {
      char character = pattern.charAt(index);
      if (character == '\\' && index + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++index))));
      } else if (character == '%') {
        regex.append(".*");
      } else if (character == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(character)));
      }
    }
    return new NamePattern(Pattern.compile(regex.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
  }

  boolean matches(String name) {
    return regex == null || regex.matcher(name).matches();
  }
}
