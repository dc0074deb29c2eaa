package dev.tarn.engine.api;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.types.HiveType;
import java.util.Locale;

/**
 * The SQL spelling of a catalog (Hive) type, as Trino and Athena show it in {@code information_schema.columns}:
 * {@code int} is {@code integer}, {@code string} is {@code varchar}, {@code array<int>} is {@code array(integer)},
 * {@code struct<a:int>} is {@code row(a integer)}. Timestamps are {@code timestamp(6)}: Tarn keeps microseconds.
 * A name Tarn cannot read is shown as written, in lower case.
 */
final class SqlTypeNames {
  private SqlTypeNames() {}

  static String of(String hiveType) {
    String text = hiveType == null ? "" : hiveType.trim().toLowerCase(Locale.ROOT);
    try {
      Reader reader = new Reader(text);
      String name = reader.type();
      return reader.atEnd() ? name : text;
    } catch (IllegalArgumentException | CatalogException unreadable) {
      return text;
    }
  }

  /** A recursive-descent reader of one Hive type name. */
  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    boolean atEnd() {
      skipSpaces();
      return position == text.length();
    }

    String type() {
      String name = word();
      switch (name) {
        case "array" -> {
          expect('<');
          String element = type();
          expect('>');
          return "array(" + element + ")";
        }
        case "map" -> {
          expect('<');
          String key = type();
          expect(',');
          String value = type();
          expect('>');
          return "map(" + key + ", " + value + ")";
        }
        case "struct" -> {
          expect('<');
          StringBuilder row = new StringBuilder("row(");
          do {
            String field = word();
            expect(':');
            row.append(row.length() > 4 ? ", " : "").append(field).append(' ').append(type());
          } while (accept(','));
          expect('>');
          return row.append(')').toString();
        }
        default -> {
          return primitive(name + arguments());
        }
      }
    }

    private static String primitive(String name) {
      HiveType type = HiveType.parse(name);
      return switch (type.kind()) {
        case INT -> "integer";
        case FLOAT -> "real";
        case STRING -> "varchar";
        case TIMESTAMP -> "timestamp(6)";
        case BINARY -> "varbinary";
        default -> type.toString();
      };
    }

    /** {@code (p)} or {@code (p,s)} after a primitive name, or nothing. */
    private String arguments() {
      skipSpaces();
      if (position >= text.length() || text.charAt(position) != '(') {
        return "";
      }
      int close = text.indexOf(')', position);
      if (close < 0) {
        throw new IllegalArgumentException(text);
      }
      String arguments = text.substring(position, close + 1);
      position = close + 1;
      return arguments;
    }

    private String word() {
      skipSpaces();
      int start = position;
      while (position < text.length()
          && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
        position++;
      }
      if (start == position) {
        throw new IllegalArgumentException(text);
      }
      return text.substring(start, position);
    }

    private boolean accept(char expected) {
      skipSpaces();
      if (position < text.length() && text.charAt(position) == expected) {
        position++;
        return true;
      }
      return false;
    }

    private void expect(char expected) {
      if (!accept(expected)) {
        throw new IllegalArgumentException(text);
      }
    }

    private void skipSpaces() {
      while (position < text.length() && text.charAt(position) == ' ') {
        position++;
      }
    }
  }
}
