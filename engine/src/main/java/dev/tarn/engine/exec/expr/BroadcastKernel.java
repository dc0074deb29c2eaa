package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * A kernel that accepts, for any argument, a one-row vector standing for that value in every row (a constant
 * argument: see {@link CallExpression}), so constants are not copied once per row per batch. An argument is such
 * a scalar when its value count differs from the row count (a one-row batch reads row 0 either way).
 */
interface BroadcastKernel extends Kernel {

  /** True when {@code argument} is a one-row scalar standing for every one of {@code rowCount} rows. */
  static boolean isScalar(FieldVector argument, int rowCount) {
    return argument.getValueCount() != rowCount;
  }

  /** The row of {@code argument} to read for row {@code row}: 0 for a scalar. */
  static int rowOf(FieldVector argument, int rowCount, int row) {
    return isScalar(argument, rowCount) ? 0 : row;
  }

  /**
   * Sets {@code target}'s validity to the rows valid in every argument, scalars included: a NULL scalar makes
   * every row NULL, a non-NULL one constrains nothing. Returns false when every row is NULL.
   */
  static boolean intersect(List<FieldVector> arguments, FieldVector target, int rowCount) {
    ArrowBuf out = target.getValidityBuffer();
    int bytes = Validity.byteCount(rowCount);
    FieldVector first = null;
    for (FieldVector argument : arguments) {
      if (argument instanceof NullVector
          || isScalar(argument, rowCount) && BitVectorHelper.get(argument.getValidityBuffer(), 0) == 0) {
        out.setZero(0, bytes);
        return false;
      }
    }
    for (FieldVector argument : arguments) {
      if (isScalar(argument, rowCount)) {
        continue;
      }
      ArrowBuf other = argument.getValidityBuffer();
      if (first == null) {
        first = argument;
        out.setBytes(0, other, 0, bytes);
      } else {
        for (int i = 0; i < bytes; i++) {
          out.setByte(i, out.getByte(i) & other.getByte(i));
        }
      }
    }
    if (first == null) {
      Vectors.setAllValid(out, rowCount);
    }
    return true;
  }
}
