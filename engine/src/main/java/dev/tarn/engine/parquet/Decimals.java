package dev.tarn.engine.parquet;

import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;

/** Writes unscaled decimals into Arrow's 16-byte little-endian two's complement layout, rescaling exactly. */
final class Decimals {

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private Decimals() {}

  /** Writes {@code unscaled * 10^scaleIncrease} at {@code target[offset]}; scaleIncrease is 0 to 38. */
  static void writeLong(ArrowBuf target, long offset, long unscaled, int scaleIncrease) {
    if (scaleIncrease == 0) {
      write(target, offset, unscaled >> 63, unscaled);
    } else if (scaleIncrease < POWERS_OF_TEN.length) {
      // 64 x 64 -> 128 bits: the multiplier is positive, so the signed high word is exact.
      long multiplier = POWERS_OF_TEN[scaleIncrease];
      write(target, offset, Math.multiplyHigh(unscaled, multiplier), unscaled * multiplier);
    } else {
      writeBig(target, offset, BigInteger.valueOf(unscaled).multiply(BigInteger.TEN.pow(scaleIncrease)));
    }
  }

  /**
   * Writes the big-endian two's complement integer {@code source[offset, offset + length)} times
   * {@code 10^scaleIncrease}; fails with ArithmeticException if it needs more than 128 bits.
   */
  static void writeBigEndian(ArrowBuf target, long targetOffset, byte[] source, int offset, int length,
      int scaleIncrease) {
    if (scaleIncrease != 0 || length > 16) {
      BigInteger value = length == 0 ? BigInteger.ZERO : new BigInteger(source, offset, length);
      writeBig(target, targetOffset, value.multiply(BigInteger.TEN.pow(scaleIncrease)));
      return;
    }
    long sign = length > 0 && source[offset] < 0 ? -1L : 0L;
    long high = sign;
    long low = sign;
    for (int i = 0; i < length; i++) {
      high = high << 8 | low >>> 56;
      low = low << 8 | (source[offset + i] & 0xFFL);
    }
    write(target, targetOffset, high, low);
  }

  private static void writeBig(ArrowBuf target, long offset, BigInteger value) {
    if (value.bitLength() > 127) {
      throw new ArithmeticException("decimal value " + value + " does not fit in 128 bits");
    }
    write(target, offset, value.shiftRight(64).longValue(), value.longValue());
  }

  private static void write(ArrowBuf target, long offset, long high, long low) {
    target.setLong(offset, low);
    target.setLong(offset + 8, high);
  }
}
