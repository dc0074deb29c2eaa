package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * APPROX_DISTINCT (Athena): the estimated number of distinct non-NULL values, from one HyperLogLog sketch per
 * group (Apache DataSketches). 2^11 buckets give Athena's standard error of 2.3%; small sets are counted exactly
 * (the sketch keeps a list of coupons until it fills). Values are hashed through the grouping key encoding, so
 * equal values of any type hash alike (-0.0 and 0.0, every NaN). Never NULL: 0 for a group without values.
 */
final class ApproxDistinctAccumulator implements Accumulator {
  private static final int LOG_BUCKETS = 11;

  private HllSketch[] sketches = new HllSketch[16];

  @Override
  public void add(FieldVector argument, int[] groupIds, int rowCount, int groupCount) {
    sketches = Accumulators.grow(sketches, groupCount);
    if (argument instanceof NullVector) {
      return;
    }
    KeyEncoder.EncodedKeys keys = KeyEncoder.encode(List.of(argument), null, rowCount);
    byte[] bytes = keys.bytes();
    int[] offsets = keys.offsets();
    ArrowBuf validity = argument.getValidityBuffer();
    for (int i = 0; i < rowCount; i++) {
      if (BitVectorHelper.get(validity, i) == 0) {
        continue;
      }
      int group = groupIds[i];
      if (sketches[group] == null) {
        sketches[group] = new HllSketch(LOG_BUCKETS, TgtHllType.HLL_8);
      }
      sketches[group].update(KeyEncoder.hash(bytes, offsets[i], offsets[i + 1]));
    }
  }

  /**
   * Never called: a union of sketches loses the HIP estimator a single sketch keeps (its error grows from about 1.9%
   * to 2.3%), so an aggregation with APPROX_DISTINCT runs single-threaded over a gather instead.
   */
  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    throw new TarnException(ErrorCode.INTERNAL_ERROR, "approx_distinct",
        "approx_distinct keeps its HIP estimate only unmerged");
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    sketches = Accumulators.grow(sketches, groupCount);
    long[] estimates = new long[groupCount];
    for (int group = 0; group < groupCount; group++) {
      estimates[group] = sketches[group] == null ? 0 : Math.round(sketches[group].getEstimate());
    }
    return Accumulators.fromLongs(field, estimates, null, groupCount, allocator);
  }
}
