package dev.tarn.engine.exec.vector;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/** Byte-at-a-time operations on validity bitmaps, so kernels handle NULLs eight rows per step. */
public final class Validity {
  private Validity() {}

  /** The number of bitmap bytes covering {@code rowCount} rows. */
  public static int byteCount(int rowCount) {
    return (rowCount + 7) / 8;
  }

  /** Byte {@code byteIndex} of {@code vector}'s validity bitmap; a NullVector is all NULL. */
  public static int validityByte(FieldVector vector, int byteIndex) {
    return vector instanceof NullVector ? 0 : vector.getValidityBuffer().getByte(byteIndex) & 0xFF;
  }

  /** Sets {@code target}'s validity to the rows valid in every one of {@code inputs}. */
  public static void intersect(List<FieldVector> inputs, FieldVector target, int rowCount) {
    ArrowBuf out = target.getValidityBuffer();
    int bytes = byteCount(rowCount);
    for (FieldVector input : inputs) {
      if (input instanceof NullVector) {
        out.setZero(0, bytes);
        return;
      }
    }
    ArrowBuf first = inputs.get(0).getValidityBuffer();
    out.setBytes(0, first, 0, bytes);
    for (int input = 1; input < inputs.size(); input++) {
      ArrowBuf other = inputs.get(input).getValidityBuffer();
      for (int i = 0; i < bytes; i++) {
        out.setByte(i, out.getByte(i) & other.getByte(i));
      }
    }
  }

  /** True when row {@code row} of a validity bitmap is set. */
  public static boolean isValid(ArrowBuf validity, int row) {
    return BitVectorHelper.get(validity, row) != 0;
  }

  /** True when no row of {@code vector} among the first {@code rowCount} is NULL. */
  public static boolean allValid(FieldVector vector, int rowCount) {
    return !(vector instanceof NullVector) && vector.getNullCount() == 0;
  }
}
