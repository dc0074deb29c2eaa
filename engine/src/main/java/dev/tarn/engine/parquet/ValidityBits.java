package dev.tarn.engine.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/** Sets runs of Arrow validity (or boolean data) bits, whole bytes at a time where possible. */
final class ValidityBits {

  private ValidityBits() {}

  /** Sets bits {@code [start, start + count)} of {@code bits} to 1. */
  static void setRange(ArrowBuf bits, int start, int count) {
    int end = start + count;
    int index = start;
    while (index < end && (index & 7) != 0) {
      BitVectorHelper.setBit(bits, index++);
    }
    int wholeBytes = (end - index) >>> 3;
    if (wholeBytes > 0) {
      bits.setOne(index >>> 3, wholeBytes);
      index += wholeBytes << 3;
    }
    while (index < end) {
      BitVectorHelper.setBit(bits, index++);
    }
  }
}
