package dev.tarn.engine.plan.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A constant. Its Java value by type: null for SQL NULL; Boolean; Long for every integer width; Double for
 * FLOAT and DOUBLE; BigDecimal (with the type's scale) for DECIMAL; String for Utf8; LocalDate for DATE;
 * LocalDateTime for TIMESTAMP.
 */
public record Literal(Object value, ArrowType type) implements Expr {

  public Literal {
    if (value != null && !(value instanceof Boolean || value instanceof Long || value instanceof Double
        || value instanceof BigDecimal || value instanceof String || value instanceof LocalDate
        || value instanceof LocalDateTime)) {
      throw new IllegalArgumentException("Literal of unsupported Java class " + value.getClass().getName());
    }
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public <R> R accept(ExprVisitor<R> visitor) {
    return visitor.visitLiteral(this);
  }

  @Override
  public String toString() {
    if (value == null) {
      return "null";
    }
    return value instanceof String ? "'" + value + "'" : value.toString();
  }
}
