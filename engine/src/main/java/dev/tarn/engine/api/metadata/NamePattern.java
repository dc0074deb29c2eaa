package dev.tarn.engine.api.metadata;

import java.util.regex.Pattern;

/**
 * A metadata name pattern as JDBC and Flight SQL define it (SQL LIKE): {@code %} matches any run of characters,
 * {@code _} any one, {@code \} escapes the next character; null matches every name. Matching ignores case, because
 * Tarn stores names in lower case while tools often pass names in the case the user typed them.
 */
public final class NamePattern {

  private static final NamePattern ANY = new NamePattern(null);

  private final Pattern regex;

  private NamePattern(Pattern regex) {
    this.regex = regex;
  }

  /** The pattern of {@code pattern}; null or {@code %} match every name. */
  public static NamePattern of(String pattern) {
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
    return new NamePattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL
        | Pattern.UNICODE_CASE));
  }

  public boolean matches(String name) {
    return regex == null || regex.matcher(name).matches();
  }
}
