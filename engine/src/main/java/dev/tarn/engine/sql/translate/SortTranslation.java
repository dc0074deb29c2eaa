package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.LimitNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.SortKey;
import dev.tarn.engine.plan.SortNode;
import dev.tarn.engine.plan.TopNNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Sort → SortNode (ORDER BY), TopNNode (ORDER BY with LIMIT) or LimitNode (LIMIT/OFFSET alone). NULLs sort last
 * in both directions unless the query says otherwise, as in Trino, Athena and DuckDB (the validator is
 * configured with that default, so an unspecified direction here also means last).
 */
final class SortTranslation {
  private SortTranslation() {}

  static PlanNode translate(Sort sort, PhysicalPlanTranslator translator) {
    PlanNode input = translator.translate(sort.getInput());
    long offset = sort.offset == null ? 0 : count(sort.offset, "OFFSET");
    long limit = sort.fetch == null ? -1 : count(sort.fetch, "LIMIT");
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
      boolean ascending = !collation.getDirection().isDescending();
      boolean nullsFirst = switch (collation.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        case UNSPECIFIED -> false;
      };
      keys.add(new SortKey(collation.getFieldIndex(), ascending, nullsFirst));
    }
    if (keys.isEmpty()) {
      return offset == 0 && limit < 0 ? input : new LimitNode(input, offset, limit);
    }
    if (limit >= 0) {
      return new TopNNode(input, keys, offset, limit);
    }
    SortNode sorted = new SortNode(input, keys);
    return offset > 0 ? new LimitNode(sorted, offset, -1) : sorted;
  }

  private static long count(RexNode node, String clause) {
    if (node instanceof RexLiteral literal) {
      Long value = literal.getValueAs(Long.class);
      if (value != null && value >= 0) {
        return value;
      }
    }
    throw TarnException.notSupported(clause + " that is not a non-negative constant");
  }
}
