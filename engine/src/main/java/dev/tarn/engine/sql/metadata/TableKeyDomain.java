package dev.tarn.engine.sql.metadata;

import dev.tarn.catalog.model.Column;
import dev.tarn.engine.sql.CatalogTable;
import dev.tarn.engine.sql.stats.ColumnStatistics;
import dev.tarn.engine.sql.stats.TableProfile;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The values a join key can take when its columns come unchanged from one table in which they are (estimated)
 * unique: the table's distinct count of those columns, before any filter. A unique integer column is always
 * recognized, since its footer bound is its row count.
 */
final class TableKeyDomain {

  /** How close to the non-null row count a distinct count must be for the columns to count as unique. */
  private static final double UNIQUE = 0.99;

  private TableKeyDomain() {}

  /** The distinct count of {@code key} (columns of {@code rel}) in its table when unique there, else null. */
  static Double ofUniqueKey(RelMetadataQuery mq, RelNode rel, ImmutableBitSet key) {
    RelOptTable table = null;
    int[] ordinals = new int[key.cardinality()];
    int next = 0;
    for (int column : key) {
      RelColumnOrigin origin = mq.getColumnOrigin(rel, column);
      if (origin == null || origin.isDerived()
          || (table != null && !table.getQualifiedName().equals(origin.getOriginTable().getQualifiedName()))) {
        return null;
      }
      table = origin.getOriginTable();
      ordinals[next++] = origin.getOriginColumnOrdinal();
    }
    CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
    TableProfile profile = catalogTable == null ? null : catalogTable.profile();
    if (profile == null || profile.rowCount() < 1) {
      return null;
    }
    double distinct = 1;
    double nulls = 0;
    List<Column> columns = catalogTable.columns();
    for (int ordinal : ordinals) {
      ColumnStatistics column = profile.column(columns.get(ordinal).name());
      if (column == null || column.distinctCount() == null) {
        return null;
      }
      distinct *= Math.max(1, column.distinctCount());
      nulls = Math.max(nulls, column.nullCount());
    }
    distinct = Math.min(distinct, profile.rowCount());
    return distinct >= UNIQUE * (profile.rowCount() - nulls) ? distinct : null;
  }
}
