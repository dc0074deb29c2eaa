package dev.tarn.engine.exec.vector;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** SQL names and classification of the Arrow types Tarn executes, for dispatch and error messages. */
public final class SqlTypes {
  private SqlTypes() {}

  /** The SQL name of {@code type} as users see it, e.g. {@code decimal(10,2)} or {@code varchar}. */
  public static String name(ArrowType type) {
    return switch (type.getTypeID()) {
      case Bool -> "boolean";
      case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
        case 8 -> "tinyint";
        case 16 -> "smallint";
        case 32 -> "integer";
        default -> "bigint";
      };
      case FloatingPoint -> isDouble(type) ? "double" : "real";
      case Decimal -> "decimal(" + precision(type) + "," + scale(type) + ")";
      case Utf8 -> "varchar";
      case Date -> "date";
      case Timestamp -> "timestamp(6)";
      case Null -> "unknown";
      default -> type.toString();
    };
  }

  public static boolean isInteger(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Int;
  }

  public static boolean isFloating(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.FloatingPoint;
  }

  public static boolean isDouble(ArrowType type) {
    return isFloating(type) && ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE;
  }

  public static boolean isDecimal(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Decimal;
  }

  public static boolean isString(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Utf8;
  }

  public static boolean isNull(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Null;
  }

  public static boolean isNumeric(ArrowType type) {
    return isInteger(type) || isFloating(type) || isDecimal(type);
  }

  /**
   * True for the types whose values {@link Vectors#readLongs} reads exactly as longs: integers, booleans (0/1),
   * dates (days) and timestamps (microseconds).
   */
  public static boolean isLongBacked(ArrowType type) {
    return switch (type.getTypeID()) {
      case Int, Bool, Date, Timestamp -> true;
      default -> false;
    };
  }

  public static int bitWidth(ArrowType type) {
    return ((ArrowType.Int) type).getBitWidth();
  }

  public static int precision(ArrowType type) {
    return ((ArrowType.Decimal) type).getPrecision();
  }

  public static int scale(ArrowType type) {
    return ((ArrowType.Decimal) type).getScale();
  }

  /** True for a decimal whose unscaled values always fit in a long (precision at most 18). */
  public static boolean isShortDecimal(ArrowType type) {
    return isDecimal(type) && precision(type) <= 18;
  }

  /** The smallest value of an integer type of {@code bitWidth} bits. */
  public static long minimum(int bitWidth) {
    return bitWidth == 64 ? Long.MIN_VALUE : -(1L << (bitWidth - 1));
  }

  /** The largest value of an integer type of {@code bitWidth} bits. */
  public static long maximum(int bitWidth) {
    return bitWidth == 64 ? Long.MAX_VALUE : (1L << (bitWidth - 1)) - 1;
  }
}
