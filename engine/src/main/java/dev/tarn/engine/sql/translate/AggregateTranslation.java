package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.AggregateNode;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.GroupIdNode;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Aggregate → AggregateNode. GROUPING SETS, ROLLUP and CUBE become, as in Trino, a GroupIdNode (rows repeated
 * per grouping set with the absent keys NULL, plus a group id), a hash aggregate keyed on the keys and the group
 * id, and a projection that computes GROUPING(...) from the group id and drops it.
 */
final class AggregateTranslation {
  private static final ArrowType GROUP_ID = GroupIdNode.GROUP_ID_TYPE;

  private AggregateTranslation() {}

  static PlanNode translate(Aggregate aggregate, PhysicalPlanTranslator translator) {
    if (aggregate.getAggCallList().stream().anyMatch(call -> call.getAggregation().getKind() == SqlKind.LITERAL_AGG)) {
      return withoutLiteralCalls(aggregate, translator);
    }
    PlanNode input = translator.translate(aggregate.getInput());
    if (aggregate.getGroupType() == Aggregate.Group.SIMPLE) {
      for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
        if (isGrouping(call)) {
          throw TarnException.notSupported("GROUPING() without GROUPING SETS, ROLLUP or CUBE");
        }
      }
      return new AggregateNode(input, aggregate.getGroupSet().asList(), calls(aggregate));
    }
    return groupingSets(aggregate, input);
  }

  /**
   * Calcite rewrites {@code x NOT IN (subquery)} with an aggregate that marks each group with
   * {@code LITERAL_AGG(true)}: a constant per group. The aggregate runs without those calls and a projection
   * adds the constants in their places.
   */
  private static PlanNode withoutLiteralCalls(Aggregate aggregate, PhysicalPlanTranslator translator) {
    List<org.apache.calcite.rel.core.AggregateCall> kept = aggregate.getAggCallList().stream()
        .filter(call -> call.getAggregation().getKind() != SqlKind.LITERAL_AGG).toList();
    Aggregate withoutLiterals = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
        aggregate.getGroupSets(), kept);
    PlanNode node = translate(withoutLiterals, translator);
    List<Field> fields = node.outputFields();
    int groupCount = aggregate.getGroupCount();
    List<Expr> columns = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      columns.add(new ColumnRef(i, fields.get(i).getType()));
    }
    int next = groupCount;
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      if (call.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        columns.add(translator.rexToExpr().translate(call.rexList.get(0)));
      } else {
        columns.add(new ColumnRef(next, fields.get(next).getType()));
        next++;
      }
    }
    return new ProjectNode(node, columns, aggregate.getRowType().getFieldNames());
  }

  private static PlanNode groupingSets(Aggregate aggregate, PlanNode input) {
    List<Integer> keys = aggregate.getGroupSet().asList();
    List<List<Integer>> sets = new ArrayList<>();
    List<Long> emptySets = new ArrayList<>();
    for (ImmutableBitSet set : aggregate.getGroupSets()) {
      if (set.isEmpty()) {
        emptySets.add((long) sets.size());
      }
      sets.add(set.asList());
    }
    // GroupIdNode output: the input's columns, a nullable copy of each key, the group id.
    int inputColumns = input.outputFields().size();
    GroupIdNode groupId = new GroupIdNode(input, keys, sets);
    List<Integer> aggregateKeys = new ArrayList<>();
    for (int key = 0; key <= keys.size(); key++) {
      aggregateKeys.add(inputColumns + key);
    }
    List<AggregateCall> calls = calls(aggregate);
    AggregateNode grouped = new AggregateNode(groupId, aggregateKeys, calls, emptySets);

    // Calcite's row type: the keys, then every aggregate call in order, GROUPING calls included.
    List<Field> groupedFields = grouped.outputFields();
    List<Expr> projections = new ArrayList<>();
    for (int key = 0; key < keys.size(); key++) {
      projections.add(new ColumnRef(key, groupedFields.get(key).getType()));
    }
    ColumnRef groupIdColumn = new ColumnRef(keys.size(), GROUP_ID);
    int next = keys.size() + 1;
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      if (isGrouping(call)) {
        projections.add(grouping(call, keys, sets, groupIdColumn, TypeMapping.toArrowType(call.getType())));
      } else {
        projections.add(new ColumnRef(next, groupedFields.get(next).getType()));
        next++;
      }
    }
    return new ProjectNode(grouped, projections, aggregate.getRowType().getFieldNames());
  }

  /**
   * GROUPING(a, b, ...) for each grouping set: one bit per argument, the first argument the most significant,
   * set when the argument is not in the set (its NULL means "all values"). A CASE over the group id picks it.
   */
  private static Expr grouping(org.apache.calcite.rel.core.AggregateCall call, List<Integer> keys,
      List<List<Integer>> sets, ColumnRef groupId, ArrowType type) {
    List<Expr> arguments = new ArrayList<>();
    for (int set = 0; set < sets.size(); set++) {
      long mask = 0;
      for (int argument : call.getArgList()) {
        mask = (mask << 1) | (sets.get(set).contains(argument) ? 0 : 1);
      }
      arguments.add(new Call(Functions.EQUAL, List.of(groupId, new Literal((long) set, GROUP_ID)),
          new ArrowType.Bool()));
      arguments.add(new Literal(castMask(mask, type), type));
    }
    arguments.add(new Literal(null, type));
    return new Call(Functions.CASE, arguments, type);
  }

  private static Object castMask(long mask, ArrowType type) {
    if (type instanceof ArrowType.Int) {
      return mask;
    }
    throw TarnException.notSupported("GROUPING() of type " + type);
  }

  private static boolean isGrouping(org.apache.calcite.rel.core.AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID;
  }

  /** The hash aggregate's calls: every call but GROUPING(...), with arguments and filters as input columns. */
  private static List<AggregateCall> calls(Aggregate aggregate) {
    List<AggregateCall> calls = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      if (isGrouping(call)) {
        continue;
      }
      String function = function(call);
      if (call.getArgList().size() > 1) {
        throw TarnException.notSupported(call.getAggregation().getName() + " with " + call.getArgList().size()
            + " arguments");
      }
      if (!call.collation.getFieldCollations().isEmpty()) {
        throw TarnException.notSupported("ordered aggregate " + call.getAggregation().getName());
      }
      String name = call.getName() == null ? function.toLowerCase(Locale.ROOT) + calls.size() : call.getName();
      calls.add(new AggregateCall(function, call.getArgList(), call.isDistinct(), call.filterArg,
          TypeMapping.toArrowType(call.getType()), name));
    }
    return calls;
  }

  /** Tarn's name for the aggregate function of {@code call} (see AggregateNode.AggregateCall). */
  private static String function(org.apache.calcite.rel.core.AggregateCall call) {
    String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
    return switch (call.getAggregation().getKind()) {
      // APPROX_COUNT_DISTINCT is Calcite's COUNT marked approximate.
      case COUNT -> call.isApproximate() ? "approx_distinct" : "count";
      case SUM -> "sum";
      case SUM0 -> "sum0";
      case AVG -> "avg";
      // EVERY, SOME, BOOL_AND and BOOL_OR are MIN and MAX over booleans (false < true).
      case MIN -> "min";
      case MAX -> "max";
      case STDDEV_SAMP -> "stddev_samp";
      case STDDEV_POP -> "stddev_pop";
      case VAR_SAMP -> "var_samp";
      case VAR_POP -> "var_pop";
      case SINGLE_VALUE -> "single_value";
      case OTHER_FUNCTION -> switch (name) {
        case "COUNT_IF" -> "count_if";
        case "APPROX_DISTINCT" -> "approx_distinct";
        default -> throw TarnException.notSupported("aggregate function " + call.getAggregation().getName());
      };
      default -> throw TarnException.notSupported("aggregate function " + call.getAggregation().getName());
    };
  }
}
