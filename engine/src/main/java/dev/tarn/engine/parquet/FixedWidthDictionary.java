package dev.tarn.engine.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A dictionary of fixed-width values converted once into the Arrow layout of the table type, so decoding an
 * index is one 1/2/4/8/16-byte copy with no per-value conversion.
 */
final class FixedWidthDictionary implements Dictionary {

  private final ArrowBuf entries;
  private final int width;
  private final int size;

  private FixedWidthDictionary(ArrowBuf entries, int width, int size) {
    this.entries = entries;
    this.width = width;
    this.size = size;
  }

  /** Converts a PLAIN dictionary page of {@code size} values at {@code data[offset, end)}. */
  static FixedWidthDictionary decode(byte[] data, int offset, int end, int size, FixedWidthConverter converter,
      BufferAllocator allocator) {
    if ((long) size * converter.sourceWidth() > end - offset || size < 0) {
      throw new CorruptPageException("dictionary page holds fewer than its " + size + " values");
    }
    ArrowBuf entries = allocator.buffer(Math.max(1L, (long) size * converter.targetWidth()));
    converter.convert(data, offset, entries, 0, size);
    return new FixedWidthDictionary(entries, converter.targetWidth(), size);
  }

  @Override
  public void write(FieldVector vector, int row, int[] indexes, int count) {
    ArrowBuf target = vector.getDataBuffer();
    for (int i = 0; i < count; i++) {
      int index = indexes[i];
      if (index < 0 || index >= size) {
        throw new CorruptPageException("dictionary index " + index + " is outside the dictionary of " + size);
      }
      long to = (long) (row + i) * width;
      long from = (long) index * width;
      switch (width) {
        case 4 -> target.setInt(to, entries.getInt(from));
        case 8 -> target.setLong(to, entries.getLong(from));
        case 16 -> {
          target.setLong(to, entries.getLong(from));
          target.setLong(to + 8, entries.getLong(from + 8));
        }
        default -> target.setBytes(to, entries, from, width);
      }
    }
  }

  @Override
  public void close() {
    entries.close();
  }
}
