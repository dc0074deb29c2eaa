package dev.tarn.engine.plan;

/** A visitor over {@link PlanNode}s, one method per node type. */
public interface PlanVisitor<R> {
  R visitTableScan(TableScanNode node);

  R visitFilter(FilterNode node);

  R visitProject(ProjectNode node);

  R visitAggregate(AggregateNode node);

  R visitSort(SortNode node);

  R visitTopN(TopNNode node);

  R visitLimit(LimitNode node);

  R visitValues(ValuesNode node);

  R visitWindow(WindowNode node);

  R visitUnionAll(UnionAllNode node);

  R visitGroupId(GroupIdNode node);

  R visitJoin(JoinNode node);

  R visitFooterAggregate(FooterAggregateNode node);

  /** Engine-provided tables; visitors that never meet them need not handle them. */
  default R visitSystemTableScan(SystemTableScanNode node) {
    throw dev.tarn.engine.TarnException.notSupported("system tables in " + getClass().getSimpleName());
  }
}
