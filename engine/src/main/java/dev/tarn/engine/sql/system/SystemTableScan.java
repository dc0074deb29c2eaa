package dev.tarn.engine.sql.system;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** A scan of a system table in Calcite's plan; translated to {@link dev.tarn.engine.plan.SystemTableScanNode}. */
public final class SystemTableScan extends TableScan {

  private final SystemTable systemTable;

  private SystemTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SystemTable systemTable) {
    super(cluster, traits, List.of(), table);
    this.systemTable = systemTable;
  }

  /** A scan of every column of {@code systemTable}. */
  public static SystemTableScan create(RelOptCluster cluster, RelOptTable table, SystemTable systemTable) {
    return new SystemTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, systemTable);
  }

  public SystemTable systemTable() {
    return systemTable;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SystemTableScan(getCluster(), traitSet, getTable(), systemTable);
  }
}
