package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.TimeConversions;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * date_format and date_parse with Trino's MySQL-style specifiers, translated once per literal format into a
 * java.time formatter; from_unixtime (seconds as Double, rounded to milliseconds as Trino does) and
 * to_unixtime (Double seconds). Times have no zone: Tarn's timestamps are UTC wall-clock values.
 */
final class DateFormatKernels {
  private DateFormatKernels() {}

  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    List<Expr> args = call.args();
    String function = call.function();
    Field field = new Field(function, FieldType.nullable(call.type()), null);
    if (Functions.FROM_UNIXTIME.equals(function) || Functions.TO_UNIXTIME.equals(function)) {
      boolean from = Functions.FROM_UNIXTIME.equals(function);
      boolean typesOk = args.size() == 1 && (from ? SqlTypes.isDouble(args.get(0).type())
          : args.get(0).type().getTypeID() == org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID.Timestamp);
      if (!typesOk) {
        return null;
      }
      Kernel kernel = (values, rowCount, allocator) -> unixTime(from, field, values.get(0), rowCount, allocator);
      return new CallExpression(function, kernel, arguments, call.type());
    }
    if (args.size() != 2 || !(args.get(1) instanceof Literal format) || !SqlTypes.isString(format.type())) {
      return null;
    }
    boolean parse = Functions.DATE_PARSE.equals(function);
    boolean inputOk = parse ? SqlTypes.isString(args.get(0).type())
        : args.get(0).type().getTypeID() == org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID.Timestamp;
    if (!inputOk) {
      return null;
    }
    DateTimeFormatter formatter = format.value() == null ? null : formatter((String) format.value(), function);
    Kernel kernel = (values, rowCount, allocator) -> formatter == null
        ? Vectors.constant(field, null, rowCount, allocator)
        : parse ? parse(field, formatter, values.get(0), rowCount, allocator)
        : format(field, formatter, values.get(0), rowCount, allocator);
    return new CallExpression(function, kernel, arguments.subList(0, 1), call.type());
  }

  /** The java.time equivalent of a MySQL-style format; unsupported specifiers fail with INVALID_ARGUMENT. */
  static DateTimeFormatter formatter(String format, String function) {
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        builder.appendLiteral(c);
        continue;
      }
      char specifier = format.charAt(++i);
      switch (specifier) {
        case 'Y' -> builder.appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL);
        case 'y' -> builder.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
        case 'm' -> builder.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'c' -> builder.appendValue(ChronoField.MONTH_OF_YEAR);
        case 'M' -> builder.appendPattern("MMMM");
        case 'b' -> builder.appendPattern("MMM");
        case 'd' -> builder.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'e' -> builder.appendValue(ChronoField.DAY_OF_MONTH);
        case 'j' -> builder.appendValue(ChronoField.DAY_OF_YEAR, 3);
        case 'H' -> builder.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'k' -> builder.appendValue(ChronoField.HOUR_OF_DAY);
        case 'h', 'I' -> builder.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
        case 'l' -> builder.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM);
        case 'i' -> builder.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S', 's' -> builder.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case 'f' -> builder.appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, false);
        case 'p' -> builder.appendText(ChronoField.AMPM_OF_DAY);
        case 'T' -> builder.appendPattern("HH:mm:ss");
        case 'r' -> builder.appendPattern("hh:mm:ss a");
        case 'W' -> builder.appendPattern("EEEE");
        case 'a' -> builder.appendPattern("EEE");
        case 'v' -> builder.appendValue(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 2);
        case '%' -> builder.appendLiteral('%');
        default -> throw new TarnException(ErrorCode.INVALID_ARGUMENT, format,
            "Format specifier %" + specifier + " is not supported in " + function);
      }
    }
    return builder
        .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
        .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT)
        .withChronology(java.time.chrono.IsoChronology.INSTANCE);
  }

  private static FieldVector format(Field field, DateTimeFormatter formatter, FieldVector input, int rowCount,
      BufferAllocator allocator) {
    long[] micros = Vectors.readLongs(input, rowCount);
    Utf8Builder out = new Utf8Builder(rowCount, rowCount * 20);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row)) {
        out.nullRow();
        continue;
      }
      byte[] text = formatter.format(TimeConversions.fromMicros(micros[row])).getBytes(StandardCharsets.UTF_8);
      out.append(text, 0, text.length);
      out.endRow();
    }
    return out.build(field, allocator);
  }

  private static FieldVector parse(Field field, DateTimeFormatter formatter, FieldVector input, int rowCount,
      BufferAllocator allocator) {
    Utf8Column strings = Utf8Column.of(input, rowCount);
    long[] micros = new long[rowCount];
    for (int row = 0; row < rowCount; row++) {
      if (strings.isNull(row)) {
        continue;
      }
      String text = strings.string(row);
      try {
        var parsed = formatter.parse(text);
        LocalDateTime value = LocalDateTime.of(
            java.time.LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH)),
            java.time.LocalTime.of(
                parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0,
                parsed.isSupported(ChronoField.MINUTE_OF_HOUR) ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0,
                parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
        micros[row] = TimeConversions.toMicros(value);
      } catch (java.time.DateTimeException e) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, text,
            "Invalid format: \"" + text + "\" in " + Functions.DATE_PARSE);
      }
    }
    return StringKernels.longResult(field, List.of(input), micros, rowCount, allocator);
  }

  private static FieldVector unixTime(boolean from, Field field, FieldVector input, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(List.of(input), result, rowCount);
      if (from) {
        double[] seconds = Vectors.readDoubles(input, rowCount);
        long[] micros = new long[rowCount];
        for (int i = 0; i < rowCount; i++) {
          micros[i] = Math.round(seconds[i] * 1000) * 1000;
        }
        Vectors.writeLongs(result, micros, rowCount);
      } else {
        long[] micros = Vectors.readLongs(input, rowCount);
        double[] seconds = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
          seconds[i] = micros[i] / 1e6;
        }
        Vectors.writeDoubles(result, seconds, rowCount);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
