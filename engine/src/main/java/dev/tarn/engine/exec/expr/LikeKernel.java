package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Literal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * {@code value LIKE pattern [ESCAPE escape]}. A literal pattern is compiled once at plan time and only the value
 * is evaluated per batch; a column pattern is recompiled only when it changes from one row to the next.
 */
final class LikeKernel {
  private LikeKernel() {}

  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    List<Expr> args = call.args();
    if (args.size() < 2 || args.size() > 3) {
      return null;
    }
    for (Expr arg : args) {
      if (!SqlTypes.isString(arg.type()) && !SqlTypes.isNull(arg.type())) {
        return null;
      }
    }
    Field field = new Field("like", FieldType.nullable(new ArrowType.Bool()), null);
    boolean constantPattern = args.subList(1, args.size()).stream().allMatch(a -> a instanceof Literal);
    if (constantPattern) {
      String pattern = (String) ((Literal) args.get(1)).value();
      String escape = args.size() == 3 ? (String) ((Literal) args.get(2)).value() : null;
      boolean nullEscape = args.size() == 3 && escape == null;
      LikePattern compiled = pattern == null || nullEscape ? null : LikePattern.compile(pattern, escape);
      Kernel kernel = (values, rowCount, allocator) -> {
        if (compiled == null) {
          return Vectors.constant(field, null, rowCount, allocator);
        }
        return match(field, values.get(0), null, null, compiled, rowCount, allocator);
      };
      return new CallExpression("like", kernel, List.of(arguments.get(0)), call.type());
    }
    Kernel kernel = (values, rowCount, allocator) ->
        match(field, values.get(0), values.get(1), values.size() > 2 ? values.get(2) : null, null, rowCount,
            allocator);
    return new CallExpression("like", kernel, arguments, call.type());
  }

  private static FieldVector match(Field field, FieldVector value, FieldVector patterns, FieldVector escapes,
      LikePattern constant, int rowCount, BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    try {
      List<FieldVector> inputs = patterns == null ? List.of(value)
          : escapes == null ? List.of(value, patterns) : List.of(value, patterns, escapes);
      Validity.intersect(inputs, result, rowCount);
      if (SqlTypes.isNull(value.getField().getType())) {
        result.setValueCount(rowCount);
        return result;
      }
      ArrowBuf valid = result.getValidityBuffer();
      ArrowBuf out = result.getDataBuffer();
      ArrowBuf offsets = ((VarCharVector) value).getOffsetBuffer();
      ArrowBuf data = value.getDataBuffer();
      byte[] scratch = new byte[64];
      LikePattern pattern = constant;
      String lastPattern = null;
      String lastEscape = null;
      for (int i = 0; i < rowCount; i++) {
        if (!Validity.isValid(valid, i)) {
          continue;
        }
        if (constant == null) {
          String rowPattern = new String(((VarCharVector) patterns).get(i), StandardCharsets.UTF_8);
          String rowEscape = escapes == null ? null : new String(((VarCharVector) escapes).get(i), StandardCharsets.UTF_8);
          if (pattern == null || !rowPattern.equals(lastPattern) || !java.util.Objects.equals(rowEscape, lastEscape)) {
            pattern = LikePattern.compile(rowPattern, rowEscape);
            lastPattern = rowPattern;
            lastEscape = rowEscape;
          }
        }
        int start = offsets.getInt(i * 4L);
        int length = offsets.getInt(i * 4L + 4) - start;
        if (scratch.length < length) {
          scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        data.getBytes(start, scratch, 0, length);
        BitVectorHelper.setValidityBit(out, i, pattern.matches(scratch, length) ? 1 : 0);
      }
      result.setValueCount(rowCount);
      return result;
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }
}
