package dev.tarn.catalog.store;

import java.util.List;
import java.util.Objects;

/**
 * A predicate over a table's partition values that a {@link CatalogStore} evaluates itself (Glue's
 * {@code GetPartitions Expression}). Keys are referenced by their index in the table's partition keys.
 * Values are typed literals: {@link Long} for integral keys, {@link String} for string keys, and ISO
 * {@code yyyy-MM-dd} strings for date keys. A comparison with a null partition value is never true.
 */
public sealed interface PartitionFilter {

  /** Every partition. */
  PartitionFilter ALL = new All();

  record All() implements PartitionFilter {}

  enum Op { EQ, NE, LT, LE, GT, GE }

  /** {@code key op value}. */
  record Compare(int keyIndex, Op op, Object value) implements PartitionFilter {
    public Compare {
      Objects.requireNonNull(op);
      Objects.requireNonNull(value);
    }
  }

  /** {@code key IN (values)}. */
  record In(int keyIndex, List<Object> values) implements PartitionFilter {
    public In {
      values = List.copyOf(values);
    }
  }

  /** {@code key IS NULL} (Hive's default partition), or IS NOT NULL when {@code negated}. */
  record IsNull(int keyIndex, boolean negated) implements PartitionFilter {}

  record And(List<PartitionFilter> terms) implements PartitionFilter {
    public And {
      terms = List.copyOf(terms);
    }
  }

  record Or(List<PartitionFilter> terms) implements PartitionFilter {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  static PartitionFilter and(List<PartitionFilter> terms) {
    List<PartitionFilter> kept = terms.stream().filter(t -> !(t instanceof All)).toList();
    if (kept.isEmpty()) {
      return ALL;
    }
    return kept.size() == 1 ? kept.get(0) : new And(kept);
  }
}
