package dev.tarn.engine.parquet;

import org.apache.arrow.vector.FieldVector;

/** PLAIN_DICTIONARY / RLE_DICTIONARY pages: a bit-width byte, then RLE / bit-packed dictionary indexes. */
final class DictionaryDecoder implements ValuesDecoder {

  private final RleBitPackedHybridDecoder indexes;
  private final Dictionary dictionary;
  private int[] scratch = new int[0];

  /** Decodes the indexes at {@code data[offset, end)} against {@code dictionary}. */
  DictionaryDecoder(byte[] data, int offset, int end, Dictionary dictionary) {
    // A page of only nulls may have no values section at all: any read then fails as corrupt.
    int bitWidth = offset < end ? data[offset] & 0xFF : 0;
    this.indexes = new RleBitPackedHybridDecoder(data, Math.min(offset + 1, end), end, bitWidth);
    this.dictionary = dictionary;
  }

  @Override
  public void skip(int count) {
    indexes.skip(count);
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    if (scratch.length < count) {
      scratch = new int[count];
    }
    indexes.read(scratch, count);
    dictionary.write(vector, row, scratch, count);
  }
}
