package dev.tarn.engine.parquet.predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one column that can satisfy a predicate: a union of ranges over canonical values (see
 * {@link DomainValues}) and whether NULL can. Conservative by construction: it may admit values the predicate
 * rejects, never the reverse. Immutable.
 *
 * @param ranges the non-null values admitted, as disjoint-or-not ranges; empty admits no non-null value
 * @param nullAllowed whether a NULL may satisfy the predicate
 */
public record ColumnDomain(List<Range> ranges, boolean nullAllowed) {

  /** An interval with optional (null) bounds; bounds are canonical values of one class. */
  public record Range(Comparable<Object> low, boolean lowInclusive, Comparable<Object> high, boolean highInclusive) {

    static Range all() {
      return new Range(null, false, null, false);
    }

    /** Whether this range is a single value. */
    public boolean isPoint() {
      return low != null && high != null && lowInclusive && highInclusive && low.compareTo(high) == 0;
    }

    boolean isEmpty() {
      if (low == null || high == null) {
        return false;
      }
      int order = low.compareTo(high);
      return order > 0 || (order == 0 && !(lowInclusive && highInclusive));
    }

    Range intersect(Range other) {
      Range result = this;
      if (other.low != null && (low == null || lowerThan(low, lowInclusive, other.low, other.lowInclusive))) {
        result = new Range(other.low, other.lowInclusive, result.high, result.highInclusive);
      }
      if (other.high != null && (high == null || higherThan(high, highInclusive, other.high, other.highInclusive))) {
        result = new Range(result.low, result.lowInclusive, other.high, other.highInclusive);
      }
      return result;
    }

    /** Whether some value v with min <= v and (v <= max or v < max when maxExclusive) lies in this range. */
    boolean overlaps(Comparable<Object> min, Comparable<Object> max, boolean maxExclusive) {
      if (high != null && min != null) {
        int order = min.compareTo(high);
        if (order > 0 || (order == 0 && !highInclusive)) {
          return false;
        }
      }
      if (low != null && max != null) {
        int order = low.compareTo(max);
        if (order > 0 || (order == 0 && (!lowInclusive || maxExclusive))) {
          return false;
        }
      }
      return true;
    }

    /** Whether every v with min <= v and (v <= max, or v < max when maxExclusive) lies in this range. */
    boolean contains(Comparable<Object> min, Comparable<Object> max, boolean maxExclusive) {
      if (low != null) {
        int order = low.compareTo(min);
        if (order > 0 || (order == 0 && !lowInclusive)) {
          return false;
        }
      }
      if (high != null) {
        if (max == null) {
          return false; // the values are unbounded above
        }
        int order = high.compareTo(max);
        if (order < 0 || (order == 0 && !highInclusive && !maxExclusive)) {
          return false;
        }
      }
      return true;
    }

    private static boolean lowerThan(Comparable<Object> a, boolean aInclusive, Comparable<Object> b,
        boolean bInclusive) {
      int order = a.compareTo(b);
      return order < 0 || (order == 0 && aInclusive && !bInclusive);
    }

    private static boolean higherThan(Comparable<Object> a, boolean aInclusive, Comparable<Object> b,
        boolean bInclusive) {
      int order = a.compareTo(b);
      return order > 0 || (order == 0 && aInclusive && !bInclusive);
    }
  }

  public ColumnDomain {
    ranges = List.copyOf(ranges.stream().filter(range -> !range.isEmpty()).toList());
  }

  /** Every value, NULL included. */
  public static ColumnDomain all() {
    return new ColumnDomain(List.of(Range.all()), true);
  }

  /** Only NULL. */
  public static ColumnDomain onlyNull() {
    return new ColumnDomain(List.of(), true);
  }

  /** Every non-null value. */
  public static ColumnDomain notNull() {
    return new ColumnDomain(List.of(Range.all()), false);
  }

  /** Exactly these non-null values. */
  public static ColumnDomain values(List<Comparable<Object>> values) {
    return new ColumnDomain(values.stream().map(v -> new Range(v, true, v, true)).toList(), false);
  }

  /** The non-null values in one range. */
  public static ColumnDomain range(Comparable<Object> low, boolean lowInclusive, Comparable<Object> high,
      boolean highInclusive) {
    return new ColumnDomain(List.of(new Range(low, lowInclusive, high, highInclusive)), false);
  }

  /** Whether nothing (not even NULL) is admitted: the predicate can never be true. */
  public boolean isNone() {
    return ranges.isEmpty() && !nullAllowed;
  }

  /** Whether every value and NULL are admitted. */
  public boolean isAll() {
    return nullAllowed && ranges.stream().anyMatch(range -> range.low() == null && range.high() == null);
  }

  /** The values admitted by both. */
  public ColumnDomain intersect(ColumnDomain other) {
    List<Range> result = new ArrayList<>();
    for (Range range : ranges) {
      for (Range otherRange : other.ranges) {
        result.add(range.intersect(otherRange));
      }
    }
    return new ColumnDomain(result, nullAllowed && other.nullAllowed);
  }

  /** The values admitted by either. */
  public ColumnDomain union(ColumnDomain other) {
    List<Range> result = new ArrayList<>(ranges);
    result.addAll(other.ranges);
    return new ColumnDomain(result, nullAllowed || other.nullAllowed);
  }

  /** The admitted non-null values when they are finitely many points, else null (for dictionaries and blooms). */
  public List<Comparable<Object>> points() {
    List<Comparable<Object>> points = new ArrayList<>();
    for (Range range : ranges) {
      if (!range.isPoint()) {
        return null;
      }
      points.add(range.low());
    }
    return points;
  }

  /** Whether some admitted non-null value lies in {@code [min, max]} ({@code [min, max)} when maxExclusive); null bounds are open. */
  public boolean overlaps(Comparable<Object> min, Comparable<Object> max, boolean maxExclusive) {
    for (Range range : ranges) {
      if (range.overlaps(min, max, maxExclusive)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one range admits every value in {@code [min, max]} ({@code [min, max)} when maxExclusive). */
  public boolean containsAll(Comparable<Object> min, Comparable<Object> max, boolean maxExclusive) {
    for (Range range : ranges) {
      if (range.contains(min, max, maxExclusive)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this one value is admitted. */
  public boolean admits(Comparable<Object> value) {
    return overlaps(value, value, false);
  }
}
