package dev.tarn.engine.parquet;

import java.util.Arrays;

/**
 * Decodes Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary indexes, v2 booleans) in
 * bulk: an RLE run becomes one {@link Arrays#fill}, a bit-packed run is unpacked eight values at a time. Every
 * read is bounds-checked, and run headers of length zero are rejected, so corrupt input fails instead of
 * looping forever.
 */
final class RleBitPackedHybridDecoder implements LevelDecoder {

  private final byte[] data;
  private final int end;
  private final int bitWidth;
  private final int valueMask;
  private final int rleValueBytes;
  private int position;

  private int rleRemaining;
  private int rleValue;
  /** Values left in the current bit-packed run, padding of its last group included. */
  private long packedRemaining;
  private final int[] group = new int[8];
  private int groupIndex = 8;

  /** Decodes {@code data[offset, end)} as values of {@code bitWidth} bits (0 to 32). */
  RleBitPackedHybridDecoder(byte[] data, int offset, int end, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new CorruptPageException("bit width " + bitWidth + " is outside 0..32");
    }
    if (offset < 0 || end > data.length || offset > end) {
      throw new CorruptPageException("encoded values [" + offset + ", " + end + ") lie outside the page");
    }
    this.data = data;
    this.position = offset;
    this.end = end;
    this.bitWidth = bitWidth;
    this.valueMask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
    this.rleValueBytes = (bitWidth + 7) >>> 3;
  }

  @Override
  public void read(int[] into, int count) {
    int done = 0;
    while (done < count) {
      if (rleRemaining == 0 && packedRemaining == 0) {
        readRunHeader();
      }
      if (rleRemaining > 0) {
        int length = Math.min(rleRemaining, count - done);
        Arrays.fill(into, done, done + length, rleValue);
        rleRemaining -= length;
        done += length;
      } else {
        if (groupIndex == 8) {
          unpackGroup();
        }
        int length = (int) Math.min(Math.min(8 - groupIndex, packedRemaining), count - done);
        System.arraycopy(group, groupIndex, into, done, length);
        groupIndex += length;
        packedRemaining -= length;
        done += length;
      }
    }
  }

  private void readRunHeader() {
    long header = readUnsignedVarInt();
    if ((header & 1) == 0) {
      long length = header >>> 1;
      if (length == 0 || length > Integer.MAX_VALUE) {
        throw new CorruptPageException("RLE run of " + length + " values");
      }
      if (position + rleValueBytes > end) {
        throw new CorruptPageException("RLE run value runs past the end of the encoded data");
      }
      int value = 0;
      for (int i = 0; i < rleValueBytes; i++) {
        value |= (data[position++] & 0xFF) << (8 * i);
      }
      rleValue = value & valueMask;
      rleRemaining = (int) length;
    } else {
      long groups = header >>> 1;
      if (groups == 0) {
        throw new CorruptPageException("bit-packed run of zero groups");
      }
      packedRemaining = groups * 8;
      groupIndex = 8;
    }
  }

  /** Unpacks the next eight values, least significant bit first; a short last group is padded with zeros. */
  private void unpackGroup() {
    if (bitWidth > 0 && position >= end) {
      throw new CorruptPageException("bit-packed run runs past the end of the encoded data");
    }
    long buffer = 0;
    int bitsInBuffer = 0;
    for (int i = 0; i < 8; i++) {
      while (bitsInBuffer < bitWidth) {
        long next = position < end ? data[position] & 0xFFL : 0;
        position++;
        buffer |= next << bitsInBuffer;
        bitsInBuffer += 8;
      }
      group[i] = (int) buffer & valueMask;
      buffer >>>= bitWidth;
      bitsInBuffer -= bitWidth;
    }
    position = Math.min(position, end);
    groupIndex = 0;
  }

  private long readUnsignedVarInt() {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (position >= end) {
        throw new CorruptPageException("RLE data ends before all values were read");
      }
      int next = data[position++];
      value |= (long) (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new CorruptPageException("RLE run header is longer than five bytes");
  }
}
