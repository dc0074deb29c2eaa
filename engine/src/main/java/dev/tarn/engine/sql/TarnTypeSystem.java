package dev.tarn.engine.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type rules made to follow Athena/Trino: decimals up to precision 38, SUM widening (integers to BIGINT,
 * decimal(p,s) to decimal(38,s)), timestamps with microseconds, and VARCHAR (not blank-padded CHAR) for CASE
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

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
