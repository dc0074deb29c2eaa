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
 * n-ary and/or and not with SQL three-valued logic, computed on whole bitmap bytes (eight rows per step):
 * AND is false if any argument is false, else NULL if any is NULL; OR is true if any is true, else NULL if any
 * is NULL. Arguments of the Null type count as NULL.
 */
final class LogicalKernels {
  private LogicalKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    boolean booleans = types.stream().allMatch(t -> t.getTypeID() == ArrowType.ArrowTypeID.Bool || SqlTypes.isNull(t));
    boolean arityOk = Functions.NOT.equals(function) ? types.size() == 1 : types.size() >= 2;
    if (!booleans || !arityOk) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(new ArrowType.Bool()), null);
    return (arguments, rowCount, allocator) -> apply(function, field, arguments, rowCount, allocator);
  }

  private static FieldVector apply(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    int count = arguments.size();
    ArrowBuf[] validity = new ArrowBuf[count];
    ArrowBuf[] data = new ArrowBuf[count];
    for (int a = 0; a < count; a++) {
      boolean nullType = arguments.get(a) instanceof NullVector;
      validity[a] = nullType ? null : arguments.get(a).getValidityBuffer();
      data[a] = nullType ? null : arguments.get(a).getDataBuffer();
    }
    ArrowBuf outValidity = result.getValidityBuffer();
    ArrowBuf outData = result.getDataBuffer();
    int bytes = Validity.byteCount(rowCount);
    switch (function) {
      case Functions.AND -> {
        for (int i = 0; i < bytes; i++) {
          int knownFalse = 0;
          int allValid = 0xFF;
          for (int a = 0; a < count; a++) {
            int valid = validity[a] == null ? 0 : validity[a].getByte(i);
            int value = data[a] == null ? 0 : data[a].getByte(i);
            knownFalse |= valid & ~value;
            allValid &= valid;
          }
          outValidity.setByte(i, knownFalse | allValid);
          outData.setByte(i, allValid & ~knownFalse);
        }
      }
      case Functions.OR -> {
        for (int i = 0; i < bytes; i++) {
          int knownTrue = 0;
          int allValid = 0xFF;
          for (int a = 0; a < count; a++) {
            int valid = validity[a] == null ? 0 : validity[a].getByte(i);
            int value = data[a] == null ? 0 : data[a].getByte(i);
            knownTrue |= valid & value;
            allValid &= valid;
          }
          outValidity.setByte(i, knownTrue | allValid);
          outData.setByte(i, knownTrue);
        }
      }
      case Functions.NOT -> {
        if (validity[0] != null) {
          for (int i = 0; i < bytes; i++) {
            int valid = validity[0].getByte(i);
            outValidity.setByte(i, valid);
            outData.setByte(i, valid & ~data[0].getByte(i));
          }
        }
      }
      default -> {
        result.close();
        throw new IllegalStateException(function);
      }
    }
    result.setValueCount(rowCount);
    return result;
  }
}
