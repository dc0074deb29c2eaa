package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * is_null / is_not_null (any type) and is_true / is_false / is_not_true / is_not_false (Bool): never NULL,
 * computed from the validity and value bitmaps a byte at a time.
 */
final class NullKernels {
  private NullKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    if (types.size() != 1) {
      return null;
    }
    boolean truthTest = !Functions.IS_NULL.equals(function) && !Functions.IS_NOT_NULL.equals(function);
    ArrowType type = types.get(0);
    if (truthTest && type.getTypeID() != ArrowType.ArrowTypeID.Bool && !SqlTypes.isNull(type)) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(new ArrowType.Bool()), null);
    return (arguments, rowCount, allocator) -> apply(function, field, arguments.get(0), rowCount, allocator);
  }

  private static FieldVector apply(String function, Field field, FieldVector argument, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    boolean nullType = argument instanceof NullVector;
    ArrowBuf validity = nullType ? null : argument.getValidityBuffer();
    // Only Bool arguments have a value bitmap that means something; is_null on other types ignores it.
    ArrowBuf data = nullType || argument.getField().getType().getTypeID() != ArrowType.ArrowTypeID.Bool ? null
        : argument.getDataBuffer();
    ArrowBuf out = result.getDataBuffer();
    int bytes = Validity.byteCount(rowCount);
    for (int i = 0; i < bytes; i++) {
      int valid = validity == null ? 0 : validity.getByte(i);
      int value = data == null ? 0 : data.getByte(i);
      int bits = switch (function) {
        case Functions.IS_NULL -> ~valid;
        case Functions.IS_NOT_NULL -> valid;
        case Functions.IS_TRUE -> valid & value;
        case Functions.IS_FALSE -> valid & ~value;
        case Functions.IS_NOT_TRUE -> ~(valid & value);
        case Functions.IS_NOT_FALSE -> ~(valid & ~value);
        default -> throw new IllegalStateException(function);
      };
      out.setByte(i, bits);
    }
    Vectors.setAllValid(result.getValidityBuffer(), rowCount);
    result.setValueCount(rowCount);
    return result;
  }
}
