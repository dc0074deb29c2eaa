package dev.tarn.engine.sql.rel;

import dev.tarn.engine.sql.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * A scan of a catalog table in Calcite's plan, before translation to Tarn's physical plan. It carries what the
 * optimizer pushed into it: the columns it must produce ({@link #columns()}, indexes into the table's columns)
 * and a predicate over partition keys ({@link #partitionPredicate()}, in terms of the table's full row type)
 * used to prune partitions before any file is opened, and a predicate over data columns ({@link #dataPredicate()},
 * also over the full row type) that the Parquet reader uses to skip row groups, pages and rows. Both are copies:
 * the Filter above the scan stays, so they only ever need to be conservative.
 */
public final class TarnTableScan extends TableScan {

  private final CatalogTable catalogTable;
  private final List<Integer> columns;
  private final RexNode partitionPredicate;
  private final RexNode dataPredicate;

  private TarnTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, CatalogTable catalogTable,
      List<Integer> columns, RexNode partitionPredicate, RexNode dataPredicate) {
    super(cluster, traits, List.of(), table);
    this.catalogTable = catalogTable;
    this.columns = List.copyOf(columns);
    this.partitionPredicate = partitionPredicate;
    this.dataPredicate = dataPredicate;
  }

  /** A scan of every column, with no partition predicate. */
  public static TarnTableScan create(RelOptCluster cluster, RelOptTable table, CatalogTable catalogTable) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < catalogTable.columns().size(); i++) {
      all.add(i);
    }
    return new TarnTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, catalogTable, all, null, null);
  }

  public CatalogTable catalogTable() {
    return catalogTable;
  }

  public List<Integer> columns() {
    return columns;
  }

  /** The partition predicate over the table's full row type, or null for none. */
  public RexNode partitionPredicate() {
    return partitionPredicate;
  }

  /** The predicate over data (non-partition) columns, in terms of the table's full row type, or null for none. */
  public RexNode dataPredicate() {
    return dataPredicate;
  }

  public TarnTableScan withColumns(List<Integer> newColumns) {
    return new TarnTableScan(getCluster(), getTraitSet(), getTable(), catalogTable, newColumns, partitionPredicate,
        dataPredicate);
  }

  public TarnTableScan withPartitionPredicate(RexNode predicate) {
    return new TarnTableScan(getCluster(), getTraitSet(), getTable(), catalogTable, columns, predicate,
        dataPredicate);
  }

  public TarnTableScan withDataPredicate(RexNode predicate) {
    return new TarnTableScan(getCluster(), getTraitSet(), getTable(), catalogTable, columns, partitionPredicate,
        predicate);
  }

  @Override
  public RelDataType deriveRowType() {
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    var builder = getCluster().getTypeFactory().builder();
    for (int column : columns) {
      builder.add(fields.get(column));
    }
    return builder.build();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new TarnTableScan(getCluster(), traitSet, getTable(), catalogTable, columns, partitionPredicate,
        dataPredicate);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("columns", columns)
        .itemIf("partitionPredicate", partitionPredicate, partitionPredicate != null)
        .itemIf("dataPredicate", dataPredicate, dataPredicate != null);
  }
}
