package dev.tarn.engine.parquet;

/**
 * Decodes the deprecated BIT_PACKED level encoding of old v1 writers: values packed back to back, most
 * significant bit first, with no run headers.
 */
final class BitPackedLevelDecoder implements LevelDecoder {

  private final byte[] data;
  private final int offset;
  private final long endBit;
  private final int bitWidth;
  private long bitPosition;

  /** Decodes {@code data[offset, end)} as values of {@code bitWidth} bits. */
  BitPackedLevelDecoder(byte[] data, int offset, int end, int bitWidth) {
    this.data = data;
    this.offset = offset;
    this.endBit = (long) (end - offset) * 8;
    this.bitWidth = bitWidth;
  }

  /** Bytes taken by {@code valueCount} values of {@code bitWidth} bits. */
  static int byteLength(int valueCount, int bitWidth) {
    return (int) (((long) valueCount * bitWidth + 7) / 8);
  }

  @Override
  public void read(int[] into, int count) {
    if (bitPosition + (long) count * bitWidth > endBit) {
      throw new CorruptPageException("BIT_PACKED levels end before all values were read");
    }
    for (int i = 0; i < count; i++) {
      int value = 0;
      for (int bit = 0; bit < bitWidth; bit++, bitPosition++) {
        int current = data[offset + (int) (bitPosition >>> 3)] >>> (7 - (int) (bitPosition & 7)) & 1;
        value = value << 1 | current;
      }
      into[i] = value;
    }
  }
}
