package dev.tarn.engine.sql.translate;

import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ValuesNode;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;

/** Values → ValuesNode, each literal brought to its column's type. */
final class ValuesTranslation {
  private ValuesTranslation() {}

  static PlanNode translate(Values values) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField field : values.getRowType().getFieldList()) {
      fields.add(new Field(field.getName(), FieldType.nullable(TypeMapping.toArrowType(field.getType())), null));
    }
    List<List<Literal>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<Literal> row = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        Literal literal = Literals.toLiteral(tuple.get(i));
        row.add(literal.type().equals(fields.get(i).getType()) ? literal
            : LiteralCasts.cast(literal, fields.get(i).getType()));
      }
      rows.add(row);
    }
    return new ValuesNode(fields, rows);
  }
}
