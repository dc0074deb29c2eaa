package dev.tarn.engine.exec.window;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.WindowNode.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Literal;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Evaluates one window call over a sorted input, dispatching to the evaluator of its family. */
public final class WindowFunctions {
  private WindowFunctions() {}

  /** Whether {@code function} has an evaluator. */
  public static boolean isSupported(String function) {
    return RankingFunctions.handles(function) || NavigationFunctions.handles(function) || switch (function) {
      case "count", "sum", "avg", "min", "max" -> true;
      default -> false;
    };
  }

  /**
   * A new vector with {@code call}'s value for every row of {@code columns} (the input in window order, one
   * vector per column); {@code frames} are the rows' frames.
   */
  public static FieldVector evaluate(Call call, WindowLayout layout, FrameBounds frames, List<FieldVector> columns,
      BufferAllocator allocator) {
    Field field = new Field(call.name(), FieldType.nullable(call.type()), null);
    String function = call.function();
    if (RankingFunctions.handles(function)) {
      long buckets = "ntile".equals(function) ? ntileBuckets(call) : 0;
      return RankingFunctions.evaluate(function, layout, buckets, field, allocator);
    }
    if (NavigationFunctions.handles(function)) {
      return NavigationFunctions.evaluate(function, call.arguments(), layout, frames, columns, field, allocator);
    }
    FieldVector argument = call.arguments().isEmpty() ? null
        : columns.get(((ColumnRef) call.arguments().get(0)).index());
    return switch (function) {
      case "count" -> FrameAggregates.count(argument, frames, field, allocator);
      case "sum", "avg" -> FrameAggregates.sumOrAverage(argument, frames, layout, "avg".equals(function), field,
          allocator);
      case "min", "max" -> FrameExtremes.evaluate(argument, frames, layout, "min".equals(function), field,
          allocator);
      default -> throw TarnException.notSupported("window function " + function);
    };
  }

  private static long ntileBuckets(Call call) {
    if (call.arguments().size() == 1 && call.arguments().get(0) instanceof Literal literal
        && literal.value() instanceof Long buckets) {
      return buckets;
    }
    throw TarnException.notSupported("NTILE with a bucket count that is not an integer constant");
  }
}
