package dev.tarn.engine.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** PLAIN booleans: one bit per value, least significant bit first, into the bits of an Arrow BitVector. */
final class PlainBooleanDecoder implements ValuesDecoder {

  private final byte[] data;
  private final int offset;
  private final long endBit;
  private long bitPosition;

  /** Decodes {@code data[offset, end)}. */
  PlainBooleanDecoder(byte[] data, int offset, int end) {
    this.data = data;
    this.offset = offset;
    this.endBit = (long) (end - offset) * 8;
  }

  @Override
  public void skip(int count) {
    if (bitPosition + count > endBit) {
      throw new CorruptPageException("PLAIN boolean page holds fewer than the " + count + " values it promises");
    }
    bitPosition += count;
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    if (bitPosition + count > endBit) {
      throw new CorruptPageException("PLAIN boolean page holds fewer than the " + count + " values it promises");
    }
    ArrowBuf bits = vector.getDataBuffer();
    for (int i = 0; i < count; i++, bitPosition++) {
      if ((data[offset + (int) (bitPosition >>> 3)] >>> (int) (bitPosition & 7) & 1) != 0) {
        BitVectorHelper.setBit(bits, row + i);
      }
    }
  }
}
