package dev.tarn.engine.sql.metadata;

import dev.tarn.engine.sql.rel.TarnTableScan;
import dev.tarn.engine.sql.stats.ColumnStatistics;
import dev.tarn.engine.sql.stats.TableProfile;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdDistinctRowCount;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct-value counts of Tarn's scans from the table's column statistics, with Calcite's rules for every other
 * node. A group of columns has the product of their counts (NULL counting as one value), capped by the row count.
 * Under a predicate that keeps a fraction {@code s} of the rows, each of the {@code d} values, held by
 * {@code r/d} rows, survives unless all its rows are dropped: {@code d * (1 - (1 - s)^(r/d))}, which keeps a key
 * column's count at {@code s * r}.
 */
public class TarnRelMdDistinctRowCount extends RelMdDistinctRowCount {

  static final TarnRelMdDistinctRowCount INSTANCE = new TarnRelMdDistinctRowCount();

  public Double getDistinctRowCount(TarnTableScan scan, RelMetadataQuery mq, ImmutableBitSet groupKey,
      RexNode predicate) {
    TableProfile profile = scan.catalogTable().profile();
    if (profile == null) {
      return getDistinctRowCount((RelNode) scan, mq, groupKey, predicate);
    }
    double rows = profile.rowCount();
    if (rows < 1) {
      return 0.0;
    }
    if (groupKey.isEmpty()) {
      return 1.0;
    }
    double distinct = 1;
    for (int field : groupKey) {
      String name = scan.catalogTable().columns().get(scan.columns().get(field)).name();
      ColumnStatistics column = profile.column(name);
      if (column == null || column.distinctCount() == null) {
        return null;
      }
      distinct *= Math.max(1, column.distinctCount() + (column.nullCount() > 0 ? 1 : 0));
    }
    distinct = Math.min(distinct, rows);
    if (predicate == null || predicate.isAlwaysTrue()) {
      return distinct;
    }
    Double selectivity = mq.getSelectivity(scan, predicate);
    double kept = selectivity == null ? 1 : Math.max(0, Math.min(1, selectivity));
    return Math.max(1, distinct * (1 - Math.pow(1 - kept, rows / distinct)));
  }
}
