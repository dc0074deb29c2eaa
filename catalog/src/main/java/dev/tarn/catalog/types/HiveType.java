package dev.tarn.catalog.types;

import dev.tarn.catalog.store.CatalogException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Hive type name, as stored in the catalog ({@code int}, {@code decimal(15,2)}, {@code varchar(10)}, ...).
 * {@link #toString()} gives the canonical catalog spelling.
 */
public record HiveType(Kind kind, int precision, int scale, int length) {

  /** The primitive Hive types Tarn supports. */
  public enum Kind {
    BOOLEAN("boolean"), TINYINT("tinyint"), SMALLINT("smallint"), INT("int"), BIGINT("bigint"),
    FLOAT("float"), DOUBLE("double"), DECIMAL("decimal"), STRING("string"), VARCHAR("varchar"), CHAR("char"),
    DATE("date"), TIMESTAMP("timestamp"), BINARY("binary");

    private final String hiveName;

    Kind(String hiveName) {
      this.hiveName = hiveName;
    }

    public String hiveName() {
      return hiveName;
    }
  }

  public static final int MAX_DECIMAL_PRECISION = 38;
  private static final Pattern PARAMETERIZED = Pattern.compile("\\s*(\\w+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

  public static final HiveType BOOLEAN = new HiveType(Kind.BOOLEAN, 0, 0, 0);
  public static final HiveType TINYINT = new HiveType(Kind.TINYINT, 0, 0, 0);
  public static final HiveType SMALLINT = new HiveType(Kind.SMALLINT, 0, 0, 0);
  public static final HiveType INT = new HiveType(Kind.INT, 0, 0, 0);
  public static final HiveType BIGINT = new HiveType(Kind.BIGINT, 0, 0, 0);
  public static final HiveType FLOAT = new HiveType(Kind.FLOAT, 0, 0, 0);
  public static final HiveType DOUBLE = new HiveType(Kind.DOUBLE, 0, 0, 0);
  public static final HiveType STRING = new HiveType(Kind.STRING, 0, 0, 0);
  public static final HiveType DATE = new HiveType(Kind.DATE, 0, 0, 0);
  public static final HiveType TIMESTAMP = new HiveType(Kind.TIMESTAMP, 0, 0, 0);
  public static final HiveType BINARY = new HiveType(Kind.BINARY, 0, 0, 0);

  public static HiveType decimal(int precision, int scale) {
    return new HiveType(Kind.DECIMAL, precision, scale, 0);
  }

  /**
   * Parses a Hive type name. Accepts the aliases Athena accepts ({@code integer}, {@code real}, {@code long});
   * {@code decimal} without arguments is {@code decimal(10,0)} as in Hive. Unknown or complex types fail with
   * INVALID_INPUT naming the type.
   */
  public static HiveType parse(String text) {
    Matcher m = PARAMETERIZED.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, text, "Unsupported column type '" + text + "'");
    }
    String name = m.group(1);
    Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    HiveType type = switch (name) {
      case "boolean" -> BOOLEAN;
      case "tinyint" -> TINYINT;
      case "smallint" -> SMALLINT;
      case "int", "integer" -> INT;
      case "bigint", "long" -> BIGINT;
      case "float", "real" -> FLOAT;
      case "double" -> DOUBLE;
      case "string" -> STRING;
      case "date" -> DATE;
      case "timestamp" -> TIMESTAMP;
      case "binary", "varbinary" -> BINARY;
      case "decimal", "numeric" -> {
        int precision = first == null ? 10 : first;
        int scale = second == null ? 0 : second;
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale > precision) {
          throw new CatalogException(CatalogException.Code.INVALID_INPUT, text,
              "Invalid decimal type '" + text + "': precision must be 1 to 38 and scale at most the precision");
        }
        yield decimal(precision, scale);
      }
      case "varchar" -> new HiveType(Kind.VARCHAR, 0, 0, requireLength(text, first));
      case "char" -> new HiveType(Kind.CHAR, 0, 0, requireLength(text, first));
      default -> throw new CatalogException(CatalogException.Code.INVALID_INPUT, text,
          "Unsupported column type '" + text + "'");
    };
    boolean takesArguments = type.kind == Kind.DECIMAL || type.kind == Kind.VARCHAR || type.kind == Kind.CHAR;
    if (!takesArguments && first != null) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, text, "Type '" + name + "' takes no arguments");
    }
    return type;
  }

  private static int requireLength(String text, Integer length) {
    if (length == null || length < 1 || length > 65535) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, text,
          "Invalid type '" + text + "': a length from 1 to 65535 is required");
    }
    return length;
  }

  public boolean isIntegral() {
    return kind == Kind.TINYINT || kind == Kind.SMALLINT || kind == Kind.INT || kind == Kind.BIGINT;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DECIMAL -> "decimal(" + precision + "," + scale + ")";
      case VARCHAR, CHAR -> kind.hiveName() + "(" + length + ")";
      default -> kind.hiveName();
    };
  }
}
