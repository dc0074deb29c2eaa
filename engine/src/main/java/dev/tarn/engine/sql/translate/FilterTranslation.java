package dev.tarn.engine.sql.translate;

import dev.tarn.engine.plan.FilterNode;
import dev.tarn.engine.plan.PlanNode;
import org.apache.calcite.rel.core.Filter;

/** Filter → FilterNode. */
final class FilterTranslation {
  private FilterTranslation() {}

  static PlanNode translate(Filter filter, PhysicalPlanTranslator translator) {
    PlanNode input = translator.translate(filter.getInput());
    return new FilterNode(input, translator.rexToExpr().translate(filter.getCondition()));
  }
}
