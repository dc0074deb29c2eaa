package dev.tarn.engine.parquet.predicate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string or binary value as its bytes, ordered as Parquet orders BYTE_ARRAY statistics: unsigned lexicographic.
 * (Java's String order compares UTF-16 units, which disagrees with UTF-8 byte order above U+FFFF.)
 */
public final class ByteKey implements Comparable<ByteKey> {
  private final byte[] bytes;

  public ByteKey(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  public static ByteKey of(String text) {
    return new ByteKey(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The smallest key greater than every key starting with this one, or null when none exists (all bytes 0xFF).
   * Used as an exclusive upper bound for a maximum that may have been truncated to a prefix.
   */
  public ByteKey prefixSuccessor() {
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == (byte) 0xFF) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    byte[] successor = Arrays.copyOf(bytes, end);
    successor[end - 1]++;
    return new ByteKey(successor);
  }

  @Override
  public int compareTo(ByteKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteKey key && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
