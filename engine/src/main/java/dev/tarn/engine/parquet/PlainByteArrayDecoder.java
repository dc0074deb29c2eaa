package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/** PLAIN byte arrays: 4-byte little-endian length then bytes, or back-to-back FIXED_LEN_BYTE_ARRAY values. */
final class PlainByteArrayDecoder implements ValuesDecoder {

  private final byte[] data;
  private final int end;
  private final int fixedLength;
  private final ByteArrayWriter writer;
  private int position;

  /** Decodes {@code data[offset, end)}; {@code fixedLength} is -1 for length-prefixed values. */
  PlainByteArrayDecoder(byte[] data, int offset, int end, int fixedLength, ByteArrayWriter writer) {
    this.data = data;
    this.position = offset;
    this.end = end;
    this.fixedLength = fixedLength;
    this.writer = writer;
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    readOrSkip(vector, row, count);
  }

  @Override
  public void skip(int count) {
    readOrSkip(null, 0, count);
  }

  private void readOrSkip(FieldVector vector, int row, int count) {
    for (int i = 0; i < count; i++) {
      int length = fixedLength;
      if (length < 0) {
        if (end - position < 4) {
          throw new CorruptPageException("PLAIN byte array page ends inside a length");
        }
        length = (int) FixedWidthConverters.INT.get(data, position);
        position += 4;
      }
      if (length < 0 || length > end - position) {
        throw new CorruptPageException("PLAIN byte array of " + length + " bytes runs past the page");
      }
      if (vector != null) {
        writer.write(vector, row + i, data, position, length);
      }
      position += length;
    }
  }
}
