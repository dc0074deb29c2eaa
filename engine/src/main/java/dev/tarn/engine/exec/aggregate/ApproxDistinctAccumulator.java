package dev.tarn.engine.exec.aggregate;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * APPROX_DISTINCT (Athena): the estimated number of distinct non-NULL values, from one HyperLogLog sketch per
 * group (Apache DataSketches). 2^11 buckets give Athena's standard error of 2.3%; small sets are counted exactly
 * (the sketch keeps a list of coupons until it fills); the estimate is the sketch's composite one, a function of its
 * registers alone, so partial sketches merged in any order give the same answer. Values are hashed through the grouping key encoding, so
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

  /** Unions the other state's sketches into these (HyperLogLog sketches merge without loss). */
  @Override
  public void merge(Accumulator other, int[] groupMap, int otherGroupCount, int groupCount) {
    sketches = Accumulators.grow(sketches, groupCount);
    HllSketch[] partial = Accumulators.grow(((ApproxDistinctAccumulator) other).sketches, otherGroupCount);
    for (int group = 0; group < otherGroupCount; group++) {
      if (partial[group] == null) {
        continue;
      }
      int target = groupMap[group];
      if (sketches[target] == null) {
        sketches[target] = partial[group];
      } else {
        Union union = new Union(LOG_BUCKETS);
        union.update(sketches[target]);
        union.update(partial[group]);
        sketches[target] = union.getResult(TgtHllType.HLL_8);
      }
    }
  }

  @Override
  public FieldVector result(Field field, int groupCount, BufferAllocator allocator) {
    sketches = Accumulators.grow(sketches, groupCount);
    long[] estimates = new long[groupCount];
    for (int group = 0; group < groupCount; group++) {
      // The composite estimate depends only on the sketch's registers, not on the order values came in, so a
      // sketch merged from several threads' sketches estimates exactly what one sketch fed every value does.
      estimates[group] = sketches[group] == null ? 0 : Math.round(sketches[group].getCompositeEstimate());
    }
    return Accumulators.fromLongs(field, estimates, null, groupCount, allocator);
  }
}
