package dev.tarn.engine.exec.expr;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * A batch of UTF-8 strings copied once out of a VarCharVector, so string kernels work on byte ranges of one
 * array: row i is {@code bytes[start(i) .. end(i))}. Also the code-point arithmetic those kernels share.
 */
final class Utf8Column {
  final byte[] bytes;
  private final int[] offsets;
  private final FieldVector vector;

  private Utf8Column(byte[] bytes, int[] offsets, FieldVector vector) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.vector = vector;
  }

  /** The strings of {@code vector} (a VarCharVector or a NullVector). */
  static Utf8Column of(FieldVector vector, int rowCount) {
    int[] offsets = new int[rowCount + 1];
    if (vector instanceof NullVector || rowCount == 0) {
      return new Utf8Column(new byte[0], offsets, vector);
    }
    ArrowBuf offsetBuffer = vector.getOffsetBuffer();
    for (int i = 0; i <= rowCount; i++) {
      offsets[i] = offsetBuffer.getInt(i * 4L);
    }
    byte[] bytes = new byte[offsets[rowCount]];
    vector.getDataBuffer().getBytes(0, bytes, 0, bytes.length);
    return new Utf8Column(bytes, offsets, vector);
  }

  boolean isNull(int row) {
    return vector.isNull(row);
  }

  int start(int row) {
    return offsets[row];
  }

  int end(int row) {
    return offsets[row + 1];
  }

  int length(int row) {
    return offsets[row + 1] - offsets[row];
  }

  String string(int row) {
    return new String(bytes, offsets[row], length(row), StandardCharsets.UTF_8);
  }

  /** True for a byte that starts a code point (not a 10xxxxxx continuation byte). */
  static boolean isCodePointStart(byte value) {
    return (value & 0xC0) != 0x80;
  }

  /** The number of code points in {@code bytes[start..end)}. */
  static int codePointCount(byte[] bytes, int start, int end) {
    int count = 0;
    for (int i = start; i < end; i++) {
      if (isCodePointStart(bytes[i])) {
        count++;
      }
    }
    return count;
  }

  /** The byte offset {@code count} code points after {@code from}, or -1 when the range ends first. */
  static int advance(byte[] bytes, int from, int end, long count) {
    int position = from;
    for (long i = 0; i < count; i++) {
      if (position >= end) {
        return -1;
      }
      position = next(bytes, position, end);
    }
    return position;
  }

  /** The byte offset of the code point after the one starting at {@code position}. */
  static int next(byte[] bytes, int position, int end) {
    int next = position + 1;
    while (next < end && !isCodePointStart(bytes[next])) {
      next++;
    }
    return next;
  }

  /** The first byte offset in {@code [from..end)} where {@code needle[needleStart..needleEnd)} occurs, or -1. */
  static int indexOf(byte[] bytes, int from, int end, byte[] needle, int needleStart, int needleEnd) {
    int length = needleEnd - needleStart;
    outer:
    for (int i = from; i + length <= end; i++) {
      for (int j = 0; j < length; j++) {
        if (bytes[i + j] != needle[needleStart + j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The code point starting at {@code position} (the vector holds valid UTF-8, as Arrow requires). */
  static int codePointAt(byte[] bytes, int position) {
    int first = bytes[position] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    if (first < 0xE0) {
      return ((first & 0x1F) << 6) | (bytes[position + 1] & 0x3F);
    }
    if (first < 0xF0) {
      return ((first & 0x0F) << 12) | ((bytes[position + 1] & 0x3F) << 6) | (bytes[position + 2] & 0x3F);
    }
    return ((first & 0x07) << 18) | ((bytes[position + 1] & 0x3F) << 12) | ((bytes[position + 2] & 0x3F) << 6)
        | (bytes[position + 3] & 0x3F);
  }

  /** The start of the code point that ends just before {@code position}. */
  static int previous(byte[] bytes, int position) {
    int previous = position - 1;
    while (previous > 0 && !isCodePointStart(bytes[previous])) {
      previous--;
    }
    return previous;
  }

  /** Appends the UTF-8 encoding of {@code codePoint}. */
  static void appendCodePoint(Utf8Builder out, int codePoint) {
    if (codePoint < 0x80) {
      out.append((byte) codePoint);
    } else if (codePoint < 0x800) {
      out.append((byte) (0xC0 | (codePoint >> 6)));
      out.append((byte) (0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
      out.append((byte) (0xE0 | (codePoint >> 12)));
      out.append((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
      out.append((byte) (0x80 | (codePoint & 0x3F)));
    } else {
      out.append((byte) (0xF0 | (codePoint >> 18)));
      out.append((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
      out.append((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
      out.append((byte) (0x80 | (codePoint & 0x3F)));
    }
  }

  /** True when row {@code row} is NULL in any of {@code columns}. */
  static boolean anyNull(Utf8Column[] columns, int row) {
    for (Utf8Column column : columns) {
      if (column.isNull(row)) {
        return true;
      }
    }
    return false;
  }
}
