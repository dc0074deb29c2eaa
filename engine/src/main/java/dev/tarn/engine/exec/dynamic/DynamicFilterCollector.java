package dev.tarn.engine.exec.dynamic;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.join.BuildListener;
import dev.tarn.engine.exec.vector.LongHashSet;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.DomainValues;
import dev.tarn.engine.plan.DynamicFilterSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Collects a hash join's build-side key values and publishes one {@link RuntimeFilter} per spec when the build
 * side is complete. Keys of a type it does not read (floating point, timestamps, ...) publish nothing, which
 * prunes nothing.
 */
public final class DynamicFilterCollector implements BuildListener {
  /** Beyond this many distinct values a filter keeps only min and max. */
  static final int MAX_DISTINCT = 10_000;
  /** Beyond this many points the row-group domain is a range: it is tested against every row group. */
  static final int MAX_ROW_GROUP_POINTS = 1_024;
  /**
   * Beyond this many distinct keys no row-level filter is built: its set would cost as much memory as the join's
   * own hash table, and a bloom filter over that many keys admits most probe rows of a table that large anyway.
   */
  static final int MAX_ROW_KEYS = 2_000_000;

  private final List<DynamicFilterSpec> specs;
  private final DynamicFilters registry;
  private final List<KeyValues> keys = new ArrayList<>();

  public DynamicFilterCollector(List<DynamicFilterSpec> specs, DynamicFilters registry) {
    this.specs = List.copyOf(specs);
    this.registry = registry;
    specs.forEach(spec -> keys.add(new KeyValues()));
  }

  @Override
  public void accept(Batch batch) {
    for (int i = 0; i < specs.size(); i++) {
      keys.get(i).add(batch.column(specs.get(i).buildKey()), batch.rowCount());
    }
  }

  @Override
  public void complete() {
    for (int i = 0; i < specs.size(); i++) {
      RuntimeFilter filter = keys.get(i).toFilter();
      if (filter != null) {
        registry.publish(specs.get(i).id(), filter);
      }
    }
  }

  /** The distinct canonical values of one key (until too many), their min and max, and their long forms. */
  private static final class KeyValues {
    private Set<Comparable<Object>> distinct = new HashSet<>();
    private Comparable<Object> min;
    private Comparable<Object> max;
    private boolean unsupported;
    private JoinKeys.Kind kind;
    private LongHashSet rowKeys = new LongHashSet();

    void add(FieldVector vector, int rowCount) {
      addRowKeys(vector, rowCount);
      if (unsupported) {
        return;
      }
      for (int row = 0; row < rowCount; row++) {
        if (vector.isNull(row)) {
          continue; // a NULL build key matches nothing
        }
        Comparable<Object> value = canonical(vector, row);
        if (value == null) {
          unsupported = true;
          return;
        }
        if (min == null || value.compareTo(min) < 0) {
          min = value;
        }
        if (max == null || value.compareTo(max) > 0) {
          max = value;
        }
        if (distinct != null && distinct.add(value) && distinct.size() > MAX_DISTINCT) {
          distinct = null;
        }
      }
    }

    private void addRowKeys(FieldVector vector, int rowCount) {
      if (rowKeys == null) {
        return;
      }
      if (kind == null) {
        kind = JoinKeys.kindOf(vector);
      }
      if (kind == null) {
        rowKeys = null;
        return;
      }
      for (int row = 0; row < rowCount; row++) {
        if (!vector.isNull(row)) {
          rowKeys.add(JoinKeys.key(vector, row));
        }
      }
      if (rowKeys.size() > MAX_ROW_KEYS) {
        rowKeys = null;
      }
    }

    RuntimeFilter toFilter() {
      KeyMembership rows = rowKeys == null || kind == null ? null : KeyMembership.of(kind, rowKeys);
      if (unsupported) {
        ColumnDomain all = ColumnDomain.all();
        return rows == null ? null : new RuntimeFilter(all, all, rows);
      }
      if (min == null) {
        ColumnDomain none = new ColumnDomain(List.of(), false);
        return new RuntimeFilter(none, none, rows);
      }
      ColumnDomain range = ColumnDomain.range(min, true, max, true);
      if (distinct == null) {
        return new RuntimeFilter(range, range, rows);
      }
      List<Comparable<Object>> points = new ArrayList<>(distinct);
      points.sort(null);
      ColumnDomain exact = ColumnDomain.values(points);
      return new RuntimeFilter(exact, points.size() <= MAX_ROW_GROUP_POINTS ? exact : range, rows);
    }

    /** The value in {@link DomainValues}' canonical form, or null for a type not handled here. */
    private static Comparable<Object> canonical(FieldVector vector, int row) {
      Object literal;
      if (vector instanceof BaseIntVector ints) {
        literal = ints.getValueAsLong(row);
      } else if (vector instanceof VarCharVector text) {
        literal = new String(text.get(row), StandardCharsets.UTF_8);
      } else if (vector instanceof DateDayVector dates) {
        literal = LocalDate.ofEpochDay(dates.get(row));
      } else if (vector instanceof DecimalVector decimals) {
        BigDecimal value = decimals.getObject(row);
        literal = value;
      } else {
        return null;
      }
      return DomainValues.fromLiteral(literal);
    }
  }
}
