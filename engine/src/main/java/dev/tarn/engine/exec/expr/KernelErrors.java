package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The errors kernels raise, each with its code and the object it is about. */
final class KernelErrors {
  private KernelErrors() {}

  static TarnException overflow(String function, ArrowType type) {
    return new TarnException(ErrorCode.NUMERIC_OVERFLOW, function,
        "Value out of range for " + SqlTypes.name(type) + " in " + function);
  }

  static TarnException divisionByZero(String function) {
    return new TarnException(ErrorCode.DIVISION_BY_ZERO, function, "Division by zero in " + function);
  }

  static TarnException invalidCast(String value, ArrowType target) {
    return new TarnException(ErrorCode.INVALID_CAST, value,
        "Cannot cast '" + value + "' to " + SqlTypes.name(target));
  }
}
