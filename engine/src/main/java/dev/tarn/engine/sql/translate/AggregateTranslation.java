package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.core.Aggregate;

/** Aggregate → AggregateNode for a single grouping set and the aggregate functions Tarn's hash aggregate has. */
final class AggregateTranslation {
  private AggregateTranslation() {}

  static PlanNode translate(Aggregate aggregate, PhysicalPlanTranslator translator) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw TarnException.notSupported("GROUPING SETS, ROLLUP and CUBE");
    }
    PlanNode input = translator.translate(aggregate.getInput());
    List<AggregateCall> calls = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      String function = switch (call.getAggregation().getKind()) {
        case COUNT -> "count";
        case SUM, SUM0 -> "sum";
        case AVG -> "avg";
        case MIN -> "min";
        case MAX -> "max";
        default -> throw TarnException.notSupported("aggregate function " + call.getAggregation().getName());
      };
      if (call.filterArg >= 0) {
        throw TarnException.notSupported("aggregate FILTER (WHERE ...)");
      }
      if (call.getArgList().size() > 1) {
        throw TarnException.notSupported(call.getAggregation().getName() + " with " + call.getArgList().size()
            + " arguments");
      }
      if (!call.collation.getFieldCollations().isEmpty()) {
        throw TarnException.notSupported("ordered aggregate " + call.getAggregation().getName());
      }
      String name = call.getName() == null ? function.toLowerCase(Locale.ROOT) + calls.size() : call.getName();
      calls.add(new AggregateCall(function, call.getArgList(), call.isDistinct(),
          TypeMapping.toArrowType(call.getType()), name));
    }
    return new AggregateNode(input, aggregate.getGroupSet().asList(), calls);
  }
}
