package dev.tarn.engine.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary indexes, v2 booleans) in
 * bulk: an RLE run becomes one {@link Arrays#fill}, a bit-packed run is unpacked eight values at a time. Every
 * read is bounds-checked, and run headers of length zero are rejected, so corrupt input fails instead of
 * looping forever.
 */
final class RleBitPackedHybridDecoder implements LevelDecoder {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
          int unpacked = unpackGroups(into, done, count - done);
          if (unpacked > 0) {
            done += unpacked;
            continue;
          }
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

  /** Passes over the next {@code count} values; whole bit-packed groups among them are not decoded at all. */
  void skip(int count) {
    long done = 0;
    while (done < count) {
      if (rleRemaining == 0 && packedRemaining == 0) {
        readRunHeader();
      }
      if (rleRemaining > 0) {
        int length = (int) Math.min(rleRemaining, count - done);
        rleRemaining -= length;
        done += length;
      } else if (groupIndex < 8) {
        int length = (int) Math.min(Math.min(8 - groupIndex, packedRemaining), count - done);
        groupIndex += length;
        packedRemaining -= length;
        done += length;
      } else {
        long groups = Math.min(packedRemaining, count - done) >>> 3;
        if (groups == 0) {
          unpackGroup();
          continue;
        }
        if (bitWidth > 0 && position >= end) {
          throw new CorruptPageException("bit-packed run runs past the end of the encoded data");
        }
        position = (int) Math.min(position + groups * bitWidth, end);
        packedRemaining -= groups * 8;
        done += groups * 8;
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

  /**
   * Unpacks as many whole groups of eight as the run, the room in {@code into} and the data allow straight into
   * {@code into} from {@code at}, each value by one unaligned little-endian 8-byte read (a value and its bit offset
   * span at most 39 bits); returns how many values, 0 when the fast path cannot be taken (then the careful
   * group-by-group path runs: the run's last bytes, or a short last group).
   */
  private int unpackGroups(int[] into, int at, int room) {
    long wanted = Math.min(packedRemaining, room) >>> 3;
    // Every 8-byte read must stay inside the array, and the groups inside the encoded data.
    long fitting = Math.min(wanted, (long) (end - position) / Math.max(bitWidth, 1));
    fitting = Math.min(fitting, Math.max(0, (long) (data.length - 8 - position) / Math.max(bitWidth, 1)));
    int groups = (int) fitting;
    if (groups <= 0) {
      return 0;
    }
    int values = groups * 8;
    if (bitWidth == 0) {
      Arrays.fill(into, at, at + values, 0);
    } else {
      long base = (long) position * 8;
      for (int i = 0; i < values; i++) {
        long bit = base + (long) i * bitWidth;
        into[at + i] = (int) ((long) LONGS.get(data, (int) (bit >>> 3)) >>> (bit & 7)) & valueMask;
      }
    }
    position += groups * bitWidth;
    packedRemaining -= values;
    return values;
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
