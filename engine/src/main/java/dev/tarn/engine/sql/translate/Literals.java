package dev.tarn.engine.sql.translate;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.expr.Literal;
import dev.tarn.engine.sql.TypeMapping;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/** Converts Calcite literals into Tarn {@link Literal}s with the Java value classes Literal documents. */
final class Literals {



  private Literals() {}

  static Literal toLiteral(RexLiteral literal) {
    ArrowType type = TypeMapping.toArrowType(literal.getType());
    if (literal.isNull()) {
      return new Literal(null, type);
    }
    Object value = switch (literal.getType().getSqlTypeName()) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class).setScale(literal.getType().getScale());
      case REAL, FLOAT, DOUBLE -> literal.getValueAs(Double.class);
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case DATE -> LocalDate.ofEpochDay(literal.getValueAs(DateString.class).getDaysSinceEpoch());
      case TIMESTAMP -> LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      default -> throw TarnException.notSupported("literal of type " + literal.getType().getFullTypeString());
    };
    return new Literal(value, type);
  }
}
