package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import dev.tarn.engine.plan.UnionAllNode;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Union (all) → UnionAllNode, casting an input's columns to the union's types where they differ. UNION without
 * ALL never gets here: the optimizer rewrites it (and INTERSECT, EXCEPT) into UNION ALL plus an aggregate.
 */
final class UnionTranslation {
  private UnionTranslation() {}

  static PlanNode translate(Union union, PhysicalPlanTranslator translator) {
    if (!union.all) {
      throw TarnException.notSupported("UNION (without ALL) left unrewritten by the optimizer");
    }
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField field : union.getRowType().getFieldList()) {
      fields.add(new Field(field.getName(), FieldType.nullable(TypeMapping.toArrowType(field.getType())), null));
    }
    List<PlanNode> inputs = new ArrayList<>();
    for (PlanNode input : translator.translateInputs(union)) {
      inputs.add(aligned(input, fields));
    }
    return new UnionAllNode(inputs, fields);
  }

  /** {@code input}, or a projection casting its columns to the union's types when some differ. */
  private static PlanNode aligned(PlanNode input, List<Field> fields) {
    List<Field> inputFields = input.outputFields();
    boolean same = true;
    List<Expr> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      ArrowType type = inputFields.get(i).getType();
      same &= type.equals(fields.get(i).getType());
      columns.add(Coercions.castTo(new ColumnRef(i, type), fields.get(i).getType()));
    }
    return same ? input : new ProjectNode(input, columns, fields.stream().map(Field::getName).toList());
  }
}
