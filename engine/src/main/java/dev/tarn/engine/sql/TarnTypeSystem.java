package dev.tarn.engine.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite type rules made to follow Athena/Trino: decimals up to precision 38, SUM widening (integers to BIGINT,
 * decimal(p,s) to decimal(38,s)), Trino's decimal division type (Calcite's default widens the scale to at least
 * 6), timestamps with microseconds, and VARCHAR (not blank-padded CHAR) for CASE
 * branches of string literals of different lengths.
 */
public final class TarnTypeSystem extends RelDataTypeSystemImpl {

  public static final TarnTypeSystem INSTANCE = new TarnTypeSystem();
  private static final int MAX_DECIMAL = 38;

  private TarnTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> MAX_DECIMAL;
      case TIMESTAMP, TIME, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    // A bare TIMESTAMP means microseconds, the precision Tarn stores and Parquet writers use.
    return typeName == SqlTypeName.TIMESTAMP ? 6 : super.getDefaultPrecision(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType sumType = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL, argumentType.getScale());
      case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
      default -> argumentType;
    };
    return typeFactory.createTypeWithNullability(sumType, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType avgType = switch (argumentType.getSqlTypeName()) {
      // Trino: avg of an integer is a double; avg of decimal(p,s) is decimal(p,s), rounded half up.
      case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
      default -> argumentType;
    };
    return typeFactory.createTypeWithNullability(avgType, argumentType.isNullable());
  }

  /**
   * Trino: decimal(p1,s1) / decimal(p2,s2) is decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2)), the
   * quotient rounded half up; an integer operand counts as decimal(digits, 0). Addition, subtraction,
   * multiplication and modulus already match Calcite's defaults.
   */
  @Override
  public @Nullable RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType dividend,
      RelDataType divisor) {
    if (!SqlTypeUtil.isExactNumeric(dividend) || !SqlTypeUtil.isExactNumeric(divisor)
        || !(SqlTypeUtil.isDecimal(dividend) || SqlTypeUtil.isDecimal(divisor))) {
      return null;
    }
    RelDataType left = SqlTypeUtil.isDecimal(dividend) ? dividend : typeFactory.decimalOf(dividend);
    RelDataType right = SqlTypeUtil.isDecimal(divisor) ? divisor : typeFactory.decimalOf(divisor);
    int scale = Math.max(left.getScale(), right.getScale());
    int precision = Math.min(MAX_DECIMAL,
        left.getPrecision() + right.getScale() + Math.max(right.getScale() - left.getScale(), 0));
    RelDataType type = typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    return typeFactory.createTypeWithNullability(type, dividend.isNullable() || divisor.isNullable());
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
