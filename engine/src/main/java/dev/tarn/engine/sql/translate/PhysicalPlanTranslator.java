package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.sql.partition.PartitionPruner;
import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;

/**
 * Turns Calcite's optimized logical plan into Tarn's physical plan, one translation per node type. A node with
 * no translation fails with "not supported yet: ..." naming the SQL construct, never with a wrong answer.
 */
public final class PhysicalPlanTranslator {

  private final RexToExpr rexToExpr;
  private final PartitionPruner partitionPruner;

  public PhysicalPlanTranslator(RexToExpr rexToExpr, PartitionPruner partitionPruner) {
    this.rexToExpr = rexToExpr;
    this.partitionPruner = partitionPruner;
  }

  public RexToExpr rexToExpr() {
    return rexToExpr;
  }

  public PartitionPruner partitionPruner() {
    return partitionPruner;
  }

  public PlanNode translate(RelNode rel) {
    if (rel instanceof TarnTableScan scan) {
      return ScanTranslation.translate(scan, this);
    }
    if (rel instanceof dev.tarn.engine.sql.system.SystemTableScan scan) {
      return dev.tarn.engine.sql.system.SystemTableScanTranslation.translate(scan);
    }
    if (rel instanceof Filter filter) {
      return FilterTranslation.translate(filter, this);
    }
    if (rel instanceof Project project) {
      return ProjectTranslation.translate(project, this);
    }
    if (rel instanceof Aggregate aggregate) {
      return FooterAggregateTranslation.translate(aggregate, this);
    }
    if (rel instanceof Sort sort) {
      return SortTranslation.translate(sort, this);
    }
    if (rel instanceof Values values) {
      return ValuesTranslation.translate(values);
    }
    if (rel instanceof Window window) {
      return WindowTranslation.translate(window, this);
    }
    if (rel instanceof Union union) {
      return UnionTranslation.translate(union, this);
    }
    if (rel instanceof Join join) {
      return JoinTranslation.translate(join, this);
    }
    throw TarnException.notSupported(construct(rel));
  }

  public List<PlanNode> translateInputs(RelNode rel) {
    return rel.getInputs().stream().map(this::translate).toList();
  }

  /** The SQL construct a Calcite node stands for, as a user would name it. */
  private static String construct(RelNode rel) {
    if (rel instanceof Join join) {
      return join.getJoinType() + " JOIN";
    }
    if (rel instanceof Correlate) {
      return "correlated subquery that Calcite could not decorrelate: " + rel.getRelTypeName() + " "
          + ((Correlate) rel).getCorrelationId();
    }
    if (rel instanceof Union union) {
      return union.all ? "UNION ALL" : "UNION";
    }
    if (rel instanceof Intersect intersect) {
      return intersect.all ? "INTERSECT ALL" : "INTERSECT";
    }
    if (rel instanceof Minus minus) {
      return minus.all ? "EXCEPT ALL" : "EXCEPT";
    }
    return "plan node " + rel.getRelTypeName();
  }
}
