package dev.tarn.engine.sql;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The types Calcite's validator gave the {@code ?} markers of a converted, unbound query (from their context:
 * {@code x = ?} takes x's type), found in the expressions of every node and sub-query.
 */
final class DynamicParameterTypes {

  private DynamicParameterTypes() {}

  /** One type per marker, by index; null where the validator could not tell (no usable context). */
  static List<RelDataType> of(RelNode rel, int markers) {
    RelDataType[] types = new RelDataType[markers];
    collect(rel, types);
    return Arrays.asList(types);
  }

  private static void collect(RelNode rel, RelDataType[] types) {
    rel.accept(new RexShuttle() {
      @Override
      public RexNode visitDynamicParam(RexDynamicParam parameter) {
        int index = parameter.getIndex();
        if (index < types.length && types[index] == null && isKnown(parameter.getType())) {
          types[index] = parameter.getType();
        }
        return parameter;
      }

      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        collect(subQuery.rel, types);
        return super.visitSubQuery(subQuery);
      }
    });
    for (RelNode input : rel.getInputs()) {
      collect(input, types);
    }
  }

  private static boolean isKnown(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name != SqlTypeName.NULL && name != SqlTypeName.UNKNOWN && name != SqlTypeName.ANY;
  }
}
