package dev.tarn.engine.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** RLE booleans (v2 data pages): a 4-byte length, then the RLE / bit-packing hybrid with bit width 1. */
final class RleBooleanDecoder implements ValuesDecoder {

  private final RleBitPackedHybridDecoder values;
  private int[] scratch = new int[0];

  /** Decodes {@code data[offset, end)}. */
  RleBooleanDecoder(byte[] data, int offset, int end) {
    if (end - offset < 4) {
      throw new CorruptPageException("RLE boolean page lacks its 4-byte length");
    }
    int length = (int) FixedWidthConverters.INT.get(data, offset);
    if (length < 0 || length > end - offset - 4) {
      throw new CorruptPageException("RLE boolean length " + length + " runs past the page");
    }
    values = new RleBitPackedHybridDecoder(data, offset + 4, offset + 4 + length, 1);
  }

  @Override
  public void skip(int count) {
    if (scratch.length < count) {
      scratch = new int[count];
    }
    values.read(scratch, count);
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    if (scratch.length < count) {
      scratch = new int[count];
    }
    values.read(scratch, count);
    ArrowBuf bits = vector.getDataBuffer();
    for (int i = 0; i < count; i++) {
      if (scratch[i] != 0) {
        BitVectorHelper.setBit(bits, row + i);
      }
    }
  }
}
