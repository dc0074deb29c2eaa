package dev.tarn.engine.exec.scan;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.dynamic.KeyMembership;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.parquet.RowFilter;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Exprs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One file's row filter for late materialization, in stages the scan applies one after the other, each to the rows
 * the ones before it kept: first the row-level runtime filters (sets or bloom filters of join build keys, usually
 * the most selective and cheap), then the scan filter's conjuncts over file columns, grouped by the columns they
 * read, those over fixed-width columns before those reading strings. So a string comparison runs, and its column is
 * decoded, only for rows whose join key survived. Column indexes here are indexes into the scan's file columns.
 */
final class ScanRowFilter implements RowFilter {
  private final List<Stage> stages;

  private ScanRowFilter(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /**
   * The row filter for a file, or null when there is nothing to filter by, or when it would be one predicate reading
   * every file column (then nothing is left to decode late, and the filter above the scan does the work once).
   * Runtime key filters always make one: nothing else drops the rows they rule out before the join.
   *
   * @param conjuncts predicates over file columns (by file column index)
   * @param keyFilters row-level runtime filters, keyed by file column index
   * @param fileFields the scan's file columns
   */
  static ScanRowFilter create(List<Expr> conjuncts, Map<Integer, List<KeyMembership>> keyFilters,
      List<Field> fileFields, BufferAllocator allocator) {
    // Filters found useless by earlier files are left out, so their key columns are not decoded early either.
    Map<Integer, List<KeyMembership>> useful = new LinkedHashMap<>();
    keyFilters.forEach((column, memberships) -> {
      List<KeyMembership> left = memberships.stream().filter(membership -> !membership.isUseless()).toList();
      if (!left.isEmpty()) {
        useful.put(column, left);
      }
    });
    BitSet read = new BitSet();
    conjuncts.forEach(conjunct -> read.or(Exprs.columns(conjunct)));
    useful.keySet().forEach(read::set);
    if (read.isEmpty()) {
      return null;
    }
    List<Stage> stages = new ArrayList<>();
    // One stage per key column, the column with the smallest build first: the other key columns are then decoded
    // only for the rows it kept.
    List<KeyStage> keyStages = new ArrayList<>();
    useful.forEach((column, memberships) -> keyStages.add(KeyStage.of(column, memberships)));
    keyStages.sort(Comparator.comparingInt(KeyStage::smallestBuild));
    stages.addAll(keyStages);
    Map<BitSet, List<Expr>> byColumns = new LinkedHashMap<>();
    for (Expr conjunct : conjuncts) {
      byColumns.computeIfAbsent(Exprs.columns(conjunct), columns -> new ArrayList<>()).add(conjunct);
    }
    List<BitSet> order = new ArrayList<>(byColumns.keySet());
    order.sort(Comparator.comparingInt((BitSet columns) -> readsString(columns, fileFields) ? 1 : 0)
        .thenComparingInt(BitSet::cardinality));
    for (BitSet columns : order) {
      stages.add(PredicateStage.of(columns, Exprs.and(byColumns.get(columns)), fileFields.size(), allocator));
    }
    if (stages.size() == 1 && useful.isEmpty() && read.cardinality() >= fileFields.size()) {
      return null; // one predicate over every column: nothing to decode late, the filter above does it once
    }
    return new ScanRowFilter(stages);
  }

  private static boolean readsString(BitSet columns, List<Field> fileFields) {
    return columns.stream().anyMatch(column -> SqlTypes.isString(fileFields.get(column).getType()));
  }

  @Override
  public List<Stage> stages() {
    return stages;
  }

  /**
   * Keeps the rows whose key is in every runtime filter of one key column (NULL keys never join), the filter with
   * the fewest build keys first, each on the rows the ones before it kept. A filter found useless (it keeps nearly
   * every row, {@link KeyMembership#isUseless}) is skipped.
   */
  private static final class KeyStage implements Stage {
    private final int[] columns;
    private final KeyMembership[] memberships;

    private KeyStage(int column, KeyMembership[] memberships) {
      this.columns = new int[] {column};
      this.memberships = memberships;
    }

    static KeyStage of(int column, List<KeyMembership> memberships) {
      return new KeyStage(column, memberships.stream()
          .sorted(Comparator.comparingInt(KeyMembership::keyCount)).toArray(KeyMembership[]::new));
    }

    int smallestBuild() {
      return memberships[0].keyCount();
    }

    @Override
    public int[] columns() {
      return columns.clone();
    }

    @Override
    public int select(List<FieldVector> vectors, int rowCount, int[] selected) {
      for (int row = 0; row < rowCount; row++) {
        selected[row] = row;
      }
      int count = rowCount;
      FieldVector keys = vectors.get(0);
      for (int i = 0; i < memberships.length && count > 0; i++) {
        KeyMembership membership = memberships[i];
        if (membership.isUseless() || !membership.accepts(keys)) {
          continue; // it keeps nearly every row, or a key type the build side's filter was not made for
        }
        int before = count;
        count = membership.retain(keys, selected, count);
        membership.record(before, count);
      }
      return count;
    }
  }

  /** Keeps the rows where conjuncts reading the same columns are all true. */
  private record PredicateStage(int[] columns, VectorExpression predicate, BufferAllocator allocator)
      implements Stage {

    static PredicateStage of(BitSet read, Expr condition, int fileColumnCount, BufferAllocator allocator) {
      int[] columns = read.stream().toArray();
      int[] positionOf = new int[fileColumnCount];
      Arrays.fill(positionOf, -1);
      for (int i = 0; i < columns.length; i++) {
        positionOf[columns[i]] = i;
      }
      return new PredicateStage(columns, ExpressionCompiler.compile(Exprs.renumber(condition, positionOf)), allocator);
    }

    @Override
    public int[] columns() {
      return columns.clone();
    }

    @Override
    public int select(List<FieldVector> vectors, int rowCount, int[] selected) {
      int count = 0;
      try (FieldVector result = predicate.evaluate(new Batch(vectors, rowCount), allocator)) {
        if (result instanceof NullVector) {
          return 0;
        }
        ArrowBuf valid = result.getValidityBuffer();
        ArrowBuf data = result.getDataBuffer();
        for (int row = 0; row < rowCount; row++) {
          selected[count] = row;
          count += BitVectorHelper.get(valid, row) & BitVectorHelper.get(data, row);
        }
      }
      return count;
    }
  }
}
