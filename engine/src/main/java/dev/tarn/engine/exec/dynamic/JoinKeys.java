package dev.tarn.engine.exec.dynamic;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.hash.MurmurHasher;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * How a join key's value becomes one {@code long}, the same way on the build and the probe side, so a row-level
 * runtime filter can test probe rows without boxing: integers and dates as their value, decimals of at most 18
 * digits as their unscaled value (both sides must share the scale), strings as a 64-bit hash of their UTF-8 bytes
 * (two seeded Murmur3 hashes, computed where the bytes lie).
 * Key types with no such form (floating point, timestamps, wide decimals) have no {@link Kind}.
 */
public final class JoinKeys {
  /** Two independent 32-bit Murmur3 hashes (seeds) of the bytes in place make one 64-bit hash. */
  private static final int HIGH_SEED = 0x5bd1e995;
  private static final int LOW_SEED = 0x2545f491;

  private JoinKeys() {}

  /** The long form of one key type; two vectors can share a filter only when their kinds are equal. */
  public record Kind(String family, int scale) {}

  /** The kind of {@code vector}'s values, or null when they have no long form. */
  public static Kind kindOf(FieldVector vector) {
    if (vector instanceof BaseIntVector) {
      return new Kind("integer", 0);
    }
    if (vector instanceof DateDayVector) {
      return new Kind("date", 0);
    }
    if (vector instanceof DecimalVector decimals && decimals.getPrecision() <= 18) {
      return new Kind("decimal", decimals.getScale());
    }
    if (vector instanceof VarCharVector) {
      return new Kind("string", 0);
    }
    return null;
  }

  /** The long form of the non-null value at {@code row}; {@code vector} must have a kind. */
  public static long key(FieldVector vector, int row) {
    if (vector instanceof BaseIntVector ints) {
      return ints.getValueAsLong(row);
    }
    if (vector instanceof DateDayVector dates) {
      return dates.get(row);
    }
    if (vector instanceof DecimalVector decimals) {
      // Little-endian two's complement: a value of at most 18 digits lives entirely in the low eight bytes.
      return decimals.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
    }
    VarCharVector text = (VarCharVector) vector;
    long start = text.getStartOffset(row);
    long length = text.getEndOffset(row) - start;
    ArrowBuf data = text.getDataBuffer();
    return ((long) MurmurHasher.hashCode(data, start, length, HIGH_SEED) << 32)
        | (MurmurHasher.hashCode(data, start, length, LOW_SEED) & 0xFFFF_FFFFL);
  }
}
