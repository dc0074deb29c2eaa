package dev.tarn.engine.exec.expr;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/** Accumulates a string result row by row into one growing byte array, then writes the vector in bulk. */
final class Utf8Builder {
  private byte[] bytes;
  private final int[] offsets;
  private final boolean[] nulls;
  private int length;
  private int row;

  Utf8Builder(int rowCount, int expectedBytes) {
    this.bytes = new byte[Math.max(16, expectedBytes)];
    this.offsets = new int[rowCount + 1];
    this.nulls = new boolean[rowCount];
  }

  void append(byte[] source, int start, int count) {
    ensure(count);
    System.arraycopy(source, start, bytes, length, count);
    length += count;
  }

  void append(byte value) {
    ensure(1);
    bytes[length++] = value;
  }

  /** Ends the current row with the bytes appended since the previous row ended. */
  void endRow() {
    offsets[++row] = length;
  }

  /** Ends the current row as NULL (dropping anything appended to it). */
  void nullRow() {
    length = offsets[row];
    nulls[row] = true;
    offsets[++row] = length;
  }

  /** The finished vector; every row must have ended. */
  FieldVector build(Field field, BufferAllocator allocator) {
    VarCharVector vector = (VarCharVector) field.createVector(allocator);
    try {
      int rowCount = offsets.length - 1;
      vector.allocateNew(Math.max(length, 1), Math.max(rowCount, 1));
      ArrowBuf offsetBuffer = vector.getOffsetBuffer();
      for (int i = 0; i <= rowCount; i++) {
        offsetBuffer.setInt(i * 4L, offsets[i]);
      }
      vector.getDataBuffer().setBytes(0, bytes, 0, length);
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < rowCount; i++) {
        BitVectorHelper.setValidityBit(validity, i, nulls[i] ? 0 : 1);
      }
      vector.setLastSet(rowCount - 1);
      vector.setValueCount(rowCount);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  private void ensure(int count) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
    }
  }
}
