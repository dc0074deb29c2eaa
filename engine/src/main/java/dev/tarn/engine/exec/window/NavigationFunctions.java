package dev.tarn.engine.exec.window;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.Gather;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Literal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * LAG, LEAD, FIRST_VALUE, LAST_VALUE and NTH_VALUE: each picks, per row, another row's value. They compute the
 * picked positions as an int array and gather the argument's values in one pass; position -1 is NULL.
 */
final class NavigationFunctions {
  /** Source index of the argument column in the gather. */
  private static final int ARGUMENT = 0;
  /** Source index of LAG/LEAD's default (a column, or a one-row constant). */
  private static final int DEFAULT = 1;

  private NavigationFunctions() {}

  static boolean handles(String function) {
    return switch (function) {
      case "lag", "lead", "first_value", "last_value", "nth_value" -> true;
      default -> false;
    };
  }

  /** The values of {@code function} over {@code columns} (the sorted input) for every row. */
  static FieldVector evaluate(String function, List<Expr> arguments, WindowLayout layout, FrameBounds frames,
      List<FieldVector> columns, Field field, BufferAllocator allocator) {
    int rowCount = layout.rowCount();
    FieldVector argument = columns.get(((ColumnRef) arguments.get(0)).index());
    int[] sourceOf = new int[rowCount];
    int[] rows = new int[rowCount];
    FieldVector defaultValues = null;
    try {
      switch (function) {
        case "lag", "lead" -> {
          Long offset = arguments.size() > 1 ? constantLong(arguments.get(1), function) : Long.valueOf(1);
          Expr fallback = arguments.size() > 2 ? arguments.get(2) : null;
          boolean constantDefault = fallback instanceof Literal;
          if (fallback instanceof Literal literal) {
            defaultValues = Vectors.constant(field, literal.value(), 1, allocator);
          }
          FieldVector defaults = fallback instanceof ColumnRef ref ? columns.get(ref.index()) : defaultValues;
          shifted(layout, offset, "lag".equals(function), defaults != null, constantDefault, sourceOf, rows);
          FieldVector[] sources = {argument, defaults};
          return Gather.rows(field, sources, sourceOf, rows, 0, rowCount, allocator);
        }
        case "first_value" -> framed(frames, 0, false, sourceOf, rows);
        case "last_value" -> framed(frames, 0, true, sourceOf, rows);
        case "nth_value" -> {
          Long nth = constantLong(arguments.get(1), function);
          if (nth != null && nth <= 0) {
            throw new TarnException(ErrorCode.INVALID_ARGUMENT, function, "NTH_VALUE needs a positive position, not "
                + nth);
          }
          framed(frames, nth == null ? Long.MAX_VALUE : nth - 1, false, sourceOf, rows);
        }
        default -> throw TarnException.notSupported("window function " + function);
      }
      return Gather.rows(field, new FieldVector[] {argument}, sourceOf, rows, 0, rowCount, allocator);
    } finally {
      if (defaultValues != null) {
        defaultValues.close();
      }
    }
  }

  /** LAG/LEAD: the row {@code offset} before/after in the partition, else the default (NULL without one). */
  static void shifted(WindowLayout layout, Long offset, boolean backwards, boolean hasDefault,
      boolean constantDefault, int[] sourceOf, int[] rows) {
    for (int i = 0; i < sourceOf.length; i++) {
      // A NULL offset gives NULL, as in DuckDB and PostgreSQL.
      long target = offset == null ? -1 : backwards ? i - offset : i + offset;
      if (offset != null && target >= layout.partitionStart(i) && target < layout.partitionEnd(i)) {
        sourceOf[i] = ARGUMENT;
        rows[i] = (int) target;
      } else if (hasDefault && offset != null) {
        sourceOf[i] = DEFAULT;
        rows[i] = constantDefault ? 0 : i;
      } else {
        sourceOf[i] = -1;
      }
    }
  }

  /** The frame's row {@code index} from its start ({@code fromEnd}: its last row), or NULL if out of the frame. */
  static void framed(FrameBounds frames, long index, boolean fromEnd, int[] sourceOf, int[] rows) {
    for (int i = 0; i < sourceOf.length; i++) {
      int start = frames.start()[i];
      int end = frames.end()[i];
      long target = fromEnd ? end - 1 : start + index;
      boolean inside = target >= start && target < end;
      sourceOf[i] = inside ? ARGUMENT : -1;
      rows[i] = inside ? (int) target : 0;
    }
  }

  private static Long constantLong(Expr expr, String function) {
    if (expr instanceof Literal literal) {
      return literal.value() == null ? null : ((Number) literal.value()).longValue();
    }
    throw TarnException.notSupported(function + " with a non-constant offset");
  }
}
