package dev.tarn.engine.sql;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.TarnException;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The one place where catalog (Hive) types, Calcite SQL types and Arrow execution types are mapped. */
public final class TypeMapping {

  public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
  public static final ArrowType TINYINT = new ArrowType.Int(8, true);
  public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
  public static final ArrowType INTEGER = new ArrowType.Int(32, true);
  public static final ArrowType BIGINT = new ArrowType.Int(64, true);
  public static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);

  private TypeMapping() {}

  public static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }

  /** The Calcite type of a catalog column (always nullable: lake files give no guarantees). */
  public static RelDataType toRelDataType(HiveType type, RelDataTypeFactory factory) {
    RelDataType relType = switch (type.kind()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INT -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR, type.length());
      // Hive CHAR compares ignoring trailing blanks; Tarn stores it as a string and does the same.
      case CHAR -> factory.createSqlType(SqlTypeName.VARCHAR, type.length());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
      case BINARY -> throw TarnException.notSupported("column type binary");
    };
    return factory.createTypeWithNullability(relType, true);
  }

  /** The Arrow type that holds values of a catalog type at execution. */
  public static ArrowType toArrowType(HiveType type) {
    return switch (type.kind()) {
      case BOOLEAN -> BOOLEAN;
      case TINYINT -> TINYINT;
      case SMALLINT -> SMALLINT;
      case INT -> INTEGER;
      case BIGINT -> BIGINT;
      case FLOAT -> REAL;
      case DOUBLE -> DOUBLE;
      case DECIMAL -> decimal(type.precision(), type.scale());
      case STRING, VARCHAR, CHAR -> VARCHAR;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case BINARY -> throw TarnException.notSupported("column type binary");
    };
  }

  /** The Arrow type that holds values of a Calcite type at execution; unsupported types fail naming the type. */
  public static ArrowType toArrowType(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> BOOLEAN;
      case TINYINT -> TINYINT;
      case SMALLINT -> SMALLINT;
      case INTEGER -> INTEGER;
      case BIGINT -> BIGINT;
      case REAL, FLOAT -> REAL;
      case DOUBLE -> DOUBLE;
      case DECIMAL -> decimal(type.getPrecision(), type.getScale());
      case CHAR, VARCHAR -> VARCHAR;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case NULL -> ArrowType.Null.INSTANCE;
      default -> throw TarnException.notSupported("type " + type.getFullTypeString());
    };
  }
}
