package dev.tarn.engine.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;

/** The {@link FixedWidthConverter}s: a bulk copy where layouts agree, a tight loop where a value must change. */
final class FixedWidthConverters {

  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long UNIX_EPOCH_JULIAN_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private FixedWidthConverters() {}

  /** Same bytes on both sides (INT32 to int/date, INT64 to bigint/timestamp micros, FLOAT, DOUBLE): one copy. */
  static FixedWidthConverter copy(int width) {
    return new Base(width, width) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        target.setBytes(targetOffset, source, offset, (long) count * width);
      }
    };
  }

  /** INT32 holding INT(8) values to Arrow tinyint. */
  static FixedWidthConverter intToByte() {
    return new Base(4, 1) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          target.setByte(targetOffset + i, (int) INT.get(source, offset + 4 * i));
        }
      }
    };
  }

  /** INT32 holding INT(8) or INT(16) values to Arrow smallint. */
  static FixedWidthConverter intToShort() {
    return new Base(4, 2) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          target.setShort(targetOffset + 2L * i, (short) (int) INT.get(source, offset + 4 * i));
        }
      }
    };
  }

  /** INT32 widened to Arrow bigint; unsigned 32-bit values are zero-extended. */
  static FixedWidthConverter intToLong(boolean unsigned) {
    return new Base(4, 8) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          int value = (int) INT.get(source, offset + 4 * i);
          target.setLong(targetOffset + 8L * i, unsigned ? Integer.toUnsignedLong(value) : value);
        }
      }
    };
  }

  /** FLOAT widened to Arrow double. */
  static FixedWidthConverter floatToDouble() {
    return new Base(4, 8) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          target.setDouble(targetOffset + 8L * i, (float) FLOAT.get(source, offset + 4 * i));
        }
      }
    };
  }

  /** INT64 timestamp millis to micros. */
  static FixedWidthConverter multiplyLong(long factor) {
    return new Base(8, 8) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          target.setLong(targetOffset + 8L * i, (long) LONG.get(source, offset + 8 * i) * factor);
        }
      }
    };
  }

  /** INT64 timestamp nanos to micros, rounding toward negative infinity like Trino and Spark. */
  static FixedWidthConverter floorDivideLong(long divisor) {
    return new Base(8, 8) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          target.setLong(targetOffset + 8L * i, Math.floorDiv((long) LONG.get(source, offset + 8 * i), divisor));
        }
      }
    };
  }

  /** INT96 (8 bytes nanos of day, then 4 bytes Julian day) to timestamp micros. */
  static FixedWidthConverter int96ToMicros() {
    return new Base(12, 8) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          long nanosOfDay = (long) LONG.get(source, offset + 12 * i);
          long julianDay = (int) INT.get(source, offset + 12 * i + 8);
          long micros = (julianDay - UNIX_EPOCH_JULIAN_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
          target.setLong(targetOffset + 8L * i, micros);
        }
      }
    };
  }

  /** INT32 or INT64 unscaled decimals to Arrow decimal128, multiplied by {@code 10^scaleIncrease}. */
  static FixedWidthConverter toDecimal(int sourceWidth, int scaleIncrease) {
    return new Base(sourceWidth, 16) {
      @Override
      public void convert(byte[] source, int offset, ArrowBuf target, long targetOffset, int count) {
        for (int i = 0; i < count; i++) {
          long unscaled = sourceWidth == 4
              ? (int) INT.get(source, offset + 4 * i)
              : (long) LONG.get(source, offset + 8 * i);
          Decimals.writeLong(target, targetOffset + 16L * i, unscaled, scaleIncrease);
        }
      }
    };
  }

  private abstract static class Base implements FixedWidthConverter {
    private final int sourceWidth;
    private final int targetWidth;

    Base(int sourceWidth, int targetWidth) {
      this.sourceWidth = sourceWidth;
      this.targetWidth = targetWidth;
    }

    @Override
    public int sourceWidth() {
      return sourceWidth;
    }

    @Override
    public int targetWidth() {
      return targetWidth;
    }
  }
}
