package dev.tarn.engine.sql.rules;

import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's field trimmer, taught to narrow a {@link TarnTableScan} to the columns the query uses, so the
 * Parquet reader only reads the projected column chunks.
 */
public final class TarnFieldTrimmer extends RelFieldTrimmer {

  public TarnFieldTrimmer(RelBuilder relBuilder) {
    super(null, relBuilder);
  }

  /** Called reflectively by {@link RelFieldTrimmer#trim} for TarnTableScan nodes. */
  public TrimResult trimFields(TarnTableScan scan, ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields) {
    int fieldCount = scan.getRowType().getFieldCount();
    ImmutableBitSet kept = fieldsUsed.isEmpty() ? ImmutableBitSet.of(cheapestColumn(scan)) : fieldsUsed;
    if (kept.cardinality() == fieldCount) {
      return result(scan, Mappings.createIdentity(fieldCount));
    }
    List<Integer> columns = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, kept.cardinality());
    for (int field : kept) {
      mapping.set(field, columns.size());
      columns.add(scan.columns().get(field));
    }
    return result(scan.withColumns(columns), mapping);
  }

  /**
   * A query that reads no column (COUNT(*)) still needs row counts: keep one column, a partition key when there
   * is one (its values cost no I/O), else the first data column.
   */
  private static int cheapestColumn(TarnTableScan scan) {
    for (int field = 0; field < scan.columns().size(); field++) {
      if (scan.catalogTable().isPartitionKey(scan.columns().get(field))) {
        return field;
      }
    }
    return 0;
  }
}
