package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * A dictionary of byte arrays kept as offsets into the decompressed dictionary page (no copy); each lookup hands
 * the entry's bytes to the column's {@link ByteArrayWriter}.
 */
final class ByteArrayDictionary implements Dictionary {

  private final byte[] data;
  private final int[] offsets;
  private final int[] lengths;
  private final ByteArrayWriter writer;

  private ByteArrayDictionary(byte[] data, int[] offsets, int[] lengths, ByteArrayWriter writer) {
    this.data = data;
    this.offsets = offsets;
    this.lengths = lengths;
    this.writer = writer;
  }

  /** Indexes a PLAIN dictionary page of {@code size} values at {@code data[offset, end)}. */
  static ByteArrayDictionary decode(byte[] data, int offset, int end, int size, int fixedLength,
      ByteArrayWriter writer) {
    if (size < 0 || size > end - offset && fixedLength != 0) {
      throw new CorruptPageException("dictionary page holds fewer than its " + size + " values");
    }
    int[] offsets = new int[size];
    int[] lengths = new int[size];
    int position = offset;
    for (int i = 0; i < size; i++) {
      int length = fixedLength;
      if (length < 0) {
        if (end - position < 4) {
          throw new CorruptPageException("dictionary page ends inside a length");
        }
        length = (int) FixedWidthConverters.INT.get(data, position);
        position += 4;
      }
      if (length < 0 || length > end - position) {
        throw new CorruptPageException("dictionary entry of " + length + " bytes runs past the page");
      }
      offsets[i] = position;
      lengths[i] = length;
      position += length;
    }
    return new ByteArrayDictionary(data, offsets, lengths, writer);
  }

  @Override
  public void write(FieldVector vector, int row, int[] indexes, int count) {
    for (int i = 0; i < count; i++) {
      int index = indexes[i];
      if (index < 0 || index >= offsets.length) {
        throw new CorruptPageException("dictionary index " + index + " is outside the dictionary of "
            + offsets.length);
      }
      writer.write(vector, row + i, data, offsets[index], lengths[index]);
    }
  }

  @Override
  public void close() {}
}
