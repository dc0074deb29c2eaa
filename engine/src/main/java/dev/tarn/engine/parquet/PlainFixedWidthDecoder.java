package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/** PLAIN values of a fixed-width physical type: one bounds check, then one bulk conversion per run. */
final class PlainFixedWidthDecoder implements ValuesDecoder {

  private final byte[] data;
  private final int end;
  private final FixedWidthConverter converter;
  private int position;

  /** Decodes {@code data[offset, end)}. */
  PlainFixedWidthDecoder(byte[] data, int offset, int end, FixedWidthConverter converter) {
    this.data = data;
    this.position = offset;
    this.end = end;
    this.converter = converter;
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    int length = count * converter.sourceWidth();
    if (length > end - position) {
      throw new CorruptPageException("PLAIN page holds fewer than the " + count + " values its levels promise");
    }
    converter.convert(data, position, vector.getDataBuffer(), (long) row * converter.targetWidth(), count);
    position += length;
  }

  @Override
  public void skip(int count) {
    long length = (long) count * converter.sourceWidth();
    if (length > end - position) {
      throw new CorruptPageException("PLAIN page holds fewer than the " + count + " values its levels promise");
    }
    position += (int) length;
  }
}
