package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * extract, date_trunc, date_add and date_diff on DATE (epoch days) and TIMESTAMP (epoch microseconds, no zone),
 * with the unit or field a literal resolved once. Month arithmetic clamps to the month's last day and month
 * differences follow Joda as Trino does; fixed units count whole elapsed units (truncated toward zero).
 */
final class DateTimeKernels {
  static final long MICROS_PER_MILLISECOND = 1_000L;
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  private DateTimeKernels() {}

  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    List<Expr> args = call.args();
    if (args.isEmpty() || !(args.get(0) instanceof Literal unitLiteral) || !SqlTypes.isString(unitLiteral.type())) {
      return null;
    }
    if (unitLiteral.value() == null || args.stream().anyMatch(arg -> SqlTypes.isNull(arg.type()))) {
      Field field = new Field(call.function(), FieldType.nullable(call.type()), null);
      Kernel nulls = (values, rowCount, allocator) -> Vectors.constant(field, null, rowCount, allocator);
      return new CallExpression(call.function(), nulls, List.of(), call.type());
    }
    String unit = ((String) unitLiteral.value()).toLowerCase(Locale.ROOT);
    List<ArrowType> types = args.subList(1, args.size()).stream().map(Expr::type).toList();
    if (!types.stream().allMatch(t -> isTemporal(t) || SqlTypes.isInteger(t))) {
      return null;
    }
    Field field = new Field(call.function(), FieldType.nullable(call.type()), null);
    Kernel kernel = switch (call.function()) {
      case Functions.EXTRACT -> types.size() == 1 && isTemporal(types.get(0))
          ? extract(field, unit, isDate(types.get(0))) : null;
      case Functions.DATE_TRUNC -> types.size() == 1 && types.get(0).equals(call.type())
          ? truncate(field, unit, isDate(types.get(0))) : null;
      case Functions.DATE_ADD -> types.size() == 2 && SqlTypes.isInteger(types.get(0))
          && types.get(1).equals(call.type()) ? add(field, unit, isDate(types.get(1))) : null;
      case Functions.DATE_DIFF -> types.size() == 2 && types.get(0).equals(types.get(1)) && isTemporal(types.get(0))
          ? difference(field, unit, isDate(types.get(0))) : null;
      default -> null;
    };
    return kernel == null ? null
        : new CallExpression(call.function(), kernel, arguments.subList(1, arguments.size()), call.type());
  }

  private static boolean isTemporal(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Date || type.getTypeID() == ArrowType.ArrowTypeID.Timestamp;
  }

  private static boolean isDate(ArrowType type) {
    return type.getTypeID() == ArrowType.ArrowTypeID.Date;
  }

  private static TarnException invalidUnit(String unit, String function, boolean date) {
    return new TarnException(ErrorCode.INVALID_ARGUMENT, unit,
        "'" + unit + "' is not a valid " + (date ? "DATE" : "TIMESTAMP") + " field in " + function);
  }

  /** Microseconds in one fixed-length unit, 0 for calendar units (month, quarter, year), -1 when unknown. */
  private static long unitMicros(String unit) {
    return switch (unit) {
      case "microsecond" -> 1;
      case "millisecond" -> MICROS_PER_MILLISECOND;
      case "second" -> MICROS_PER_SECOND;
      case "minute" -> MICROS_PER_MINUTE;
      case "hour" -> MICROS_PER_HOUR;
      case "day" -> MICROS_PER_DAY;
      case "week" -> 7 * MICROS_PER_DAY;
      case "month", "quarter", "year" -> 0;
      default -> -1;
    };
  }

  private static int unitMonths(String unit) {
    return switch (unit) {
      case "month" -> 1;
      case "quarter" -> 3;
      default -> 12;
    };
  }

  /** Applies {@code operation} to every valid row's value(s), writing a long-backed result. */
  private static FieldVector map(Field field, List<FieldVector> arguments, int rowCount, BufferAllocator allocator,
      RowOperation operation) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      Validity.intersect(arguments, result, rowCount);
      ArrowBuf valid = result.getValidityBuffer();
      long[] first = Vectors.readLongs(arguments.get(0), rowCount);
      long[] second = arguments.size() > 1 ? Vectors.readLongs(arguments.get(1), rowCount) : null;
      long[] out = new long[rowCount];
      // A DATE result is 32-bit days: a wider value would be silently narrowed when written.
      boolean dateResult = isDate(field.getType());
      try {
        for (int i = 0; i < rowCount; i++) {
          if (Validity.isValid(valid, i)) {
            out[i] = operation.apply(first[i], second == null ? 0 : second[i]);
            if (dateResult && out[i] != (int) out[i]) {
              throw new ArithmeticException("date out of range");
            }
          }
        }
      } catch (ArithmeticException | java.time.DateTimeException e) {
        throw KernelErrors.overflow(field.getName(), field.getType());
      }
      Vectors.writeLongs(result, out, rowCount);
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  @FunctionalInterface
  private interface RowOperation {
    long apply(long first, long second);
  }

  private static Kernel extract(Field field, String unit, boolean date) {
    long scale = date ? MICROS_PER_DAY : 1;
    RowOperation operation = switch (unit) {
      case "year" -> (value, unused) -> CalendarMath.year(CalendarMath.civil(Math.floorDiv(value * scale, MICROS_PER_DAY)));
      case "quarter" -> (value, unused) -> (CalendarMath.month(CalendarMath.civil(Math.floorDiv(value * scale, MICROS_PER_DAY))) - 1) / 3 + 1;
      case "month" -> (value, unused) -> CalendarMath.month(CalendarMath.civil(Math.floorDiv(value * scale, MICROS_PER_DAY)));
      case "day" -> (value, unused) -> CalendarMath.day(CalendarMath.civil(Math.floorDiv(value * scale, MICROS_PER_DAY)));
      case "day_of_week" -> (value, unused) -> CalendarMath.dayOfWeek(Math.floorDiv(value * scale, MICROS_PER_DAY));
      case "day_of_year" -> (value, unused) -> {
        long days = Math.floorDiv(value * scale, MICROS_PER_DAY);
        return days - CalendarMath.days(CalendarMath.year(CalendarMath.civil(days)), 1, 1) + 1;
      };
      case "week" -> (value, unused) ->
          LocalDate.ofEpochDay(Math.floorDiv(value * scale, MICROS_PER_DAY)).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "hour" -> (value, unused) -> Math.floorMod(value * scale, MICROS_PER_DAY) / MICROS_PER_HOUR;
      case "minute" -> (value, unused) -> Math.floorMod(value * scale, MICROS_PER_HOUR) / MICROS_PER_MINUTE;
      case "second" -> (value, unused) -> Math.floorMod(value * scale, MICROS_PER_MINUTE) / MICROS_PER_SECOND;
      case "millisecond" -> (value, unused) -> Math.floorMod(value * scale, MICROS_PER_SECOND) / MICROS_PER_MILLISECOND;
      default -> null;
    };
    if (operation == null) {
      throw invalidUnit(unit, Functions.EXTRACT, date);
    }
    return (arguments, rowCount, allocator) -> map(field, arguments, rowCount, allocator, operation);
  }

  private static Kernel truncate(Field field, String unit, boolean date) {
    long micros = unitMicros(unit);
    if (micros < 0 || (date && micros > 0 && micros < MICROS_PER_DAY)) {
      throw invalidUnit(unit, Functions.DATE_TRUNC, date);
    }
    RowOperation days = switch (unit) {
      case "week" -> (day, unused) -> day - CalendarMath.dayOfWeek(day) + 1;
      case "month" -> (day, unused) -> day - CalendarMath.day(CalendarMath.civil(day)) + 1;
      case "quarter" -> (day, unused) -> {
        long civil = CalendarMath.civil(day);
        return CalendarMath.days(CalendarMath.year(civil), (CalendarMath.month(civil) - 1) / 3 * 3 + 1, 1);
      };
      case "year" -> (day, unused) -> CalendarMath.days(CalendarMath.year(CalendarMath.civil(day)), 1, 1);
      default -> (day, unused) -> day;
    };
    RowOperation operation;
    if (date) {
      operation = days;
    } else if (micros > 0 && micros <= MICROS_PER_DAY) {
      operation = (value, unused) -> Math.floorDiv(value, micros) * micros;
    } else {
      operation = (value, unused) -> days.apply(Math.floorDiv(value, MICROS_PER_DAY), 0) * MICROS_PER_DAY;
    }
    return (arguments, rowCount, allocator) -> map(field, arguments, rowCount, allocator, operation);
  }

  private static Kernel add(Field field, String unit, boolean date) {
    long micros = unitMicros(unit);
    if (micros < 0 || (date && micros > 0 && micros < MICROS_PER_DAY)) {
      throw invalidUnit(unit, Functions.DATE_ADD, date);
    }
    RowOperation operation;
    if (micros > 0) {
      long step = date ? micros / MICROS_PER_DAY : micros;
      operation = (amount, value) -> Math.addExact(value, Math.multiplyExact(amount, step));
    } else {
      int months = unitMonths(unit);
      operation = date ? (amount, value) -> CalendarMath.addMonths(value, Math.multiplyExact(amount, months))
          : (amount, value) -> {
            long day = Math.floorDiv(value, MICROS_PER_DAY);
            long time = Math.floorMod(value, MICROS_PER_DAY);
            return Math.addExact(Math.multiplyExact(CalendarMath.addMonths(day, Math.multiplyExact(amount, months)),
                MICROS_PER_DAY), time);
          };
    }
    return (arguments, rowCount, allocator) -> map(field, arguments, rowCount, allocator, operation);
  }

  private static Kernel difference(Field field, String unit, boolean date) {
    long micros = unitMicros(unit);
    if (micros < 0 || (date && micros > 0 && micros < MICROS_PER_DAY)) {
      throw invalidUnit(unit, Functions.DATE_DIFF, date);
    }
    long scale = date ? MICROS_PER_DAY : 1;
    RowOperation operation;
    if (micros > 0) {
      // Whole units elapsed: Java's division truncates toward zero, as Joda's field difference does.
      operation = (from, to) -> Math.subtractExact(to * scale, from * scale) / micros;
    } else {
      int months = unitMonths(unit);
      operation = (from, to) -> CalendarMath.monthsBetween(Math.floorDiv(from * scale, MICROS_PER_DAY),
          Math.floorMod(from * scale, MICROS_PER_DAY), Math.floorDiv(to * scale, MICROS_PER_DAY),
          Math.floorMod(to * scale, MICROS_PER_DAY)) / months;
    }
    return (arguments, rowCount, allocator) -> map(field, arguments, rowCount, allocator, operation);
  }
}
