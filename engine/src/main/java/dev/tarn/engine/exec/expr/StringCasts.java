package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.TimeConversions;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * CAST to and from VARCHAR. Rendering follows Trino: booleans {@code true}/{@code false}; decimals keep their
 * scale ({@code 1.50}); REAL/DOUBLE use Java's shortest round-trip form ({@code 1.0}, {@code 1.0E10}); dates
 * {@code yyyy-MM-dd}; timestamps {@code yyyy-MM-dd HH:mm:ss.SSS} (Athena's millisecond rendering), widened to
 * {@code .SSSSSS} only when the value has sub-millisecond digits so no information is lost. Parsing trims
 * surrounding whitespace and fails with INVALID_CAST naming the value, including out-of-range numbers.
 */
final class StringCasts {
  private static final DateTimeFormatter TIMESTAMP_INPUT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd")
      .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm").optionalStart().appendPattern(":ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
      .optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter MILLIS_OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter MICROS_OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private StringCasts() {}

  static Kernel toStringKernel(ArrowType source, Field field) {
    return switch (source.getTypeID()) {
      case Bool, Int, FloatingPoint, Decimal, Date, Timestamp ->
          (arguments, rowCount, allocator) -> render(arguments.get(0), source, field, rowCount, allocator);
      default -> null;
    };
  }

  static Kernel fromStringKernel(ArrowType target, Field field) {
    return switch (target.getTypeID()) {
      case Bool, Int, FloatingPoint, Decimal, Date, Timestamp ->
          (arguments, rowCount, allocator) -> parse(arguments.get(0), target, field, rowCount, allocator);
      default -> null;
    };
  }

  private static FieldVector render(FieldVector source, ArrowType type, Field field, int rowCount,
      BufferAllocator allocator) {
    VarCharVector result = (VarCharVector) Vectors.allocate(field, rowCount, allocator);
    try {
      ArrowBuf valid = source.getValidityBuffer();
      long[] longs = SqlTypes.isLongBacked(type) || SqlTypes.isShortDecimal(type)
          ? Vectors.readLongs(source, rowCount) : null;
      double[] doubles = SqlTypes.isFloating(type) ? Vectors.readDoubles(source, rowCount) : null;
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        String text = switch (type.getTypeID()) {
          case Bool -> longs[i] != 0 ? "true" : "false";
          case Int -> Long.toString(longs[i]);
          case FloatingPoint -> SqlTypes.isDouble(type) ? Double.toString(doubles[i])
              : Float.toString((float) doubles[i]);
          case Decimal -> longs != null ? BigDecimal.valueOf(longs[i], SqlTypes.scale(type)).toPlainString()
              : ((DecimalVector) source).getObject(i).toPlainString();
          case Date -> TimeConversions.fromDays(longs[i]).toString();
          default -> renderTimestamp(longs[i]);
        };
        result.setSafe(i, text.getBytes(StandardCharsets.UTF_8));
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  static String renderTimestamp(long micros) {
    LocalDateTime value = TimeConversions.fromMicros(micros);
    return (micros % 1000 == 0 ? MILLIS_OUTPUT : MICROS_OUTPUT).format(value);
  }

  private static FieldVector parse(FieldVector source, ArrowType target, Field field, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(List.of(source), result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      VarCharVector strings = (VarCharVector) source;
      long[] longs = new long[rowCount];
      double[] doubles = SqlTypes.isFloating(target) ? new double[rowCount] : null;
      boolean longDecimal = SqlTypes.isDecimal(target) && !SqlTypes.isShortDecimal(target);
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        String original = new String(strings.get(i), StandardCharsets.UTF_8);
        String text = original.strip();
        try {
          switch (target.getTypeID()) {
            case Bool -> longs[i] = parseBoolean(text, original, target);
            case Int -> longs[i] = parseInteger(text, original, target);
            case FloatingPoint -> doubles[i] = parseDouble(text, original, target);
            case Decimal -> {
              BigDecimal value = parseDecimal(text, original, target);
              if (longDecimal) {
                ((DecimalVector) result).set(i, value);
              } else {
                longs[i] = value.unscaledValue().longValueExact();
              }
            }
            case Date -> longs[i] = TimeConversions.toDays(LocalDate.parse(text));
            default -> longs[i] = parseTimestamp(text);
          }
        } catch (DateTimeParseException | ArithmeticException e) {
          throw KernelErrors.invalidCast(original, target);
        }
      }
      if (doubles != null) {
        Vectors.writeDoubles(result, doubles, rowCount);
      } else if (!longDecimal) {
        Vectors.writeLongs(result, longs, rowCount);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  private static long parseBoolean(String text, String original, ArrowType target) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1" -> 1;
      case "false", "f", "0" -> 0;
      default -> throw KernelErrors.invalidCast(original, target);
    };
  }

  private static long parseInteger(String text, String original, ArrowType target) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw KernelErrors.invalidCast(original, target);
    }
    int bits = SqlTypes.bitWidth(target);
    if (value < SqlTypes.minimum(bits) || value > SqlTypes.maximum(bits)) {
      throw KernelErrors.invalidCast(original, target);
    }
    return value;
  }

  private static double parseDouble(String text, String original, ArrowType target) {
    // Java also accepts hexadecimal and a trailing d/f type suffix, which SQL does not.
    char last = text.isEmpty() ? ' ' : Character.toLowerCase(text.charAt(text.length() - 1));
    if (last == 'd' || last == 'f' || text.toLowerCase(Locale.ROOT).contains("0x")) {
      throw KernelErrors.invalidCast(original, target);
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw KernelErrors.invalidCast(original, target);
    }
  }

  private static BigDecimal parseDecimal(String text, String original, ArrowType target) {
    BigDecimal value;
    try {
      value = new BigDecimal(text).setScale(SqlTypes.scale(target), RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      throw KernelErrors.invalidCast(original, target);
    }
    if (value.unscaledValue().abs().compareTo(BigInteger.TEN.pow(SqlTypes.precision(target))) >= 0) {
      throw KernelErrors.invalidCast(original, target);
    }
    return value;
  }

  private static long parseTimestamp(String text) {
    LocalDateTime value = LocalDateTime.parse(text, TIMESTAMP_INPUT);
    long micros = TimeConversions.toMicros(value.withNano(value.getNano() / 1000 * 1000));
    // Digits beyond microseconds round half up, like Trino.
    return value.getNano() % 1000 >= 500 ? micros + 1 : micros;
  }
}
