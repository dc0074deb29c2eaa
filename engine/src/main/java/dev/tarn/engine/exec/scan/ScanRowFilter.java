package dev.tarn.engine.exec.scan;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.dynamic.KeyMembership;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.parquet.RowFilter;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Exprs;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * One file's row filter for late materialization: the scan filter's conjuncts that read only file columns, then
 * the row-level runtime filters (sets or bloom filters of join build keys) published for its file columns. Column
 * indexes here are indexes into the scan's file columns.
 */
final class ScanRowFilter implements RowFilter {
  private final int[] columns;
  private final VectorExpression predicate;
  private final int[] keyPositions;
  private final KeyMembership[] memberships;
  private final BufferAllocator allocator;

  private ScanRowFilter(int[] columns, VectorExpression predicate, int[] keyPositions, KeyMembership[] memberships,
      BufferAllocator allocator) {
    this.columns = columns;
    this.predicate = predicate;
    this.keyPositions = keyPositions;
    this.memberships = memberships;
    this.allocator = allocator;
  }

  /**
   * The row filter for a file, or null when there is nothing to filter by, or when the filter would read every
   * file column (then nothing is left to decode late, and the filter above the scan does the work once).
   *
   * @param conjuncts predicates over file columns (by file column index)
   * @param keyFilters row-level runtime filters, keyed by file column index
   */
  static ScanRowFilter create(List<Expr> conjuncts, Map<Integer, List<KeyMembership>> keyFilters,
      int fileColumnCount, BufferAllocator allocator) {
    BitSet read = new BitSet();
    conjuncts.forEach(conjunct -> read.or(Exprs.columns(conjunct)));
    keyFilters.keySet().forEach(read::set);
    if (read.isEmpty() || read.cardinality() >= fileColumnCount) {
      return null;
    }
    int[] columns = read.stream().toArray();
    int[] positionOf = new int[fileColumnCount];
    Arrays.fill(positionOf, -1);
    for (int i = 0; i < columns.length; i++) {
      positionOf[columns[i]] = i;
    }
    Expr condition = Exprs.and(conjuncts);
    VectorExpression predicate = condition == null ? null
        : ExpressionCompiler.compile(Exprs.renumber(condition, positionOf));
    int keyCount = keyFilters.values().stream().mapToInt(List::size).sum();
    int[] keyPositions = new int[keyCount];
    KeyMembership[] memberships = new KeyMembership[keyCount];
    int key = 0;
    for (Map.Entry<Integer, List<KeyMembership>> entry : keyFilters.entrySet()) {
      for (KeyMembership membership : entry.getValue()) {
        keyPositions[key] = positionOf[entry.getKey()];
        memberships[key++] = membership;
      }
    }
    return new ScanRowFilter(columns, predicate, keyPositions, memberships, allocator);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  @Override
  public int select(List<FieldVector> vectors, int rowCount, int[] selected) {
    int count = 0;
    if (predicate == null) {
      for (int row = 0; row < rowCount; row++) {
        selected[row] = row;
      }
      count = rowCount;
    } else {
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
    }
    for (int i = 0; i < memberships.length && count > 0; i++) {
      FieldVector keys = vectors.get(keyPositions[i]);
      KeyMembership membership = memberships[i];
      if (!membership.accepts(keys)) {
        continue; // a key type the build side's filter was not made for: it cannot say
      }
      int kept = 0;
      for (int j = 0; j < count; j++) {
        int row = selected[j];
        if (!keys.isNull(row) && membership.mayContain(keys, row)) {
          selected[kept++] = row;
        }
      }
      count = kept;
    }
    return count;
  }
}
