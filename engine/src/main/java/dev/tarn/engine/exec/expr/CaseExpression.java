package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Gather;
import dev.tarn.engine.plan.expr.Call;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END. Each condition is evaluated only on the rows no earlier condition took,
 * and each value only on the rows its condition selected, so {@code CASE WHEN x = 0 THEN 0 ELSE 1 / x END} never
 * divides by zero. The branch results are then merged by one multi-source gather.
 */
final class CaseExpression implements VectorExpression {
  private final List<VectorExpression> conditions;
  private final List<VectorExpression> values;
  private final Field field;

  private CaseExpression(List<VectorExpression> conditions, List<VectorExpression> values, ArrowType type) {
    this.conditions = conditions;
    this.values = values;
    this.field = new Field("case", FieldType.nullable(type), null);
  }

  /** The CASE expression for {@code call}'s when/then pairs and else, or null if the arguments do not fit. */
  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    if (arguments.size() % 2 == 0) {
      return null;
    }
    int branches = arguments.size() / 2;
    VectorExpression[] conditions = new VectorExpression[branches];
    VectorExpression[] values = new VectorExpression[branches + 1];
    for (int b = 0; b < branches; b++) {
      if (arguments.get(2 * b).type().getTypeID() != ArrowType.ArrowTypeID.Bool
          && arguments.get(2 * b).type().getTypeID() != ArrowType.ArrowTypeID.Null) {
        return null;
      }
      conditions[b] = arguments.get(2 * b);
      values[b] = arguments.get(2 * b + 1);
    }
    values[branches] = arguments.get(arguments.size() - 1);
    return new CaseExpression(List.of(conditions), List.of(values), call.type());
  }

  @Override
  public ArrowType type() {
    return field.getType();
  }

  @Override
  public FieldVector evaluate(Batch input, BufferAllocator allocator) {
    int rowCount = input.rowCount();
    int[] sourceOf = new int[rowCount];
    Arrays.fill(sourceOf, -1);
    int[] rowInSource = new int[rowCount];
    FieldVector[] results = new FieldVector[values.size()];
    int[] remaining = new int[rowCount];
    Arrays.setAll(remaining, i -> i);
    int remainingCount = rowCount;
    try {
      for (int branch = 0; branch < values.size() && remainingCount > 0; branch++) {
        int[] subsetRows = Arrays.copyOf(remaining, remainingCount);
        Batch subset = remainingCount == rowCount ? input : Gather.batch(input, subsetRows, remainingCount, allocator);
        try {
          int[] selected = new int[remainingCount];
          int selectedCount = 0;
          int stillRemaining = 0;
          if (branch < conditions.size()) {
            try (FieldVector condition = conditions.get(branch).evaluate(subset, allocator)) {
              boolean nullType = condition instanceof NullVector;
              ArrowBuf valid = nullType ? null : condition.getValidityBuffer();
              ArrowBuf data = nullType ? null : condition.getDataBuffer();
              for (int position = 0; position < remainingCount; position++) {
                // A NULL condition counts as false: the row stays for later branches.
                if (!nullType && BitVectorHelper.get(valid, position) != 0 && BitVectorHelper.get(data, position) != 0) {
                  selected[selectedCount++] = position;
                } else {
                  remaining[stillRemaining++] = subsetRows[position];
                }
              }
            }
          } else {
            for (int position = 0; position < remainingCount; position++) {
              selected[selectedCount++] = position;
            }
          }
          if (selectedCount > 0) {
            results[branch] = evaluateValue(branch, subset, selected, selectedCount, allocator);
            for (int k = 0; k < selectedCount; k++) {
              int row = subsetRows[selected[k]];
              sourceOf[row] = branch;
              rowInSource[row] = k;
            }
          }
          remainingCount = stillRemaining;
        } finally {
          if (subset != input) {
            subset.close();
          }
        }
      }
      return Gather.rows(field, results, sourceOf, rowInSource, 0, rowCount, allocator);
    } finally {
      for (FieldVector result : results) {
        if (result != null) {
          result.close();
        }
      }
    }
  }

  private FieldVector evaluateValue(int branch, Batch subset, int[] selected, int selectedCount,
      BufferAllocator allocator) {
    if (selectedCount == subset.rowCount()) {
      return values.get(branch).evaluate(subset, allocator);
    }
    try (Batch picked = Gather.batch(subset, selected, selectedCount, allocator)) {
      return values.get(branch).evaluate(picked, allocator);
    }
  }
}
