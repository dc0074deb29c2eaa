package dev.tarn.jdbc;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.types.HiveType;
import java.sql.Types;
import java.util.Locale;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The one place where Tarn's types become JDBC types: catalog (Hive) types for metadata and Arrow types for
 * result sets, so that {@code getColumns} and {@code ResultSetMetaData} always agree. Names follow Athena's SQL
 * spelling (Hive's {@code int}, {@code float} and {@code string} are INTEGER, REAL and VARCHAR).
 */
final class JdbcTypes {

  /** The length reported for text without a declared length. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  static final SqlType BOOLEAN = new SqlType(Types.BOOLEAN, "BOOLEAN", 1, 0, 5, "java.lang.Boolean", false);
  static final SqlType TINYINT = new SqlType(Types.TINYINT, "TINYINT", 3, 0, 4, "java.lang.Integer", true);
  static final SqlType SMALLINT = new SqlType(Types.SMALLINT, "SMALLINT", 5, 0, 6, "java.lang.Integer", true);
  static final SqlType INTEGER = new SqlType(Types.INTEGER, "INTEGER", 10, 0, 11, "java.lang.Integer", true);
  static final SqlType BIGINT = new SqlType(Types.BIGINT, "BIGINT", 19, 0, 20, "java.lang.Long", true);
  static final SqlType REAL = new SqlType(Types.REAL, "REAL", 7, 0, 16, "java.lang.Float", true);
  static final SqlType DOUBLE = new SqlType(Types.DOUBLE, "DOUBLE", 15, 0, 24, "java.lang.Double", true);
  static final SqlType VARCHAR = varchar(UNBOUNDED);
  static final SqlType DATE = new SqlType(Types.DATE, "DATE", 10, 0, 10, "java.sql.Date", false);
  static final SqlType TIMESTAMP = new SqlType(Types.TIMESTAMP, "TIMESTAMP", 26, 6, 26, "java.sql.Timestamp", false);
  static final SqlType VARBINARY = new SqlType(Types.VARBINARY, "VARBINARY", UNBOUNDED, 0, UNBOUNDED, "[B", false);
  static final SqlType NULL = new SqlType(Types.NULL, "NULL", 0, 0, 4, "java.lang.Object", false);

  private JdbcTypes() {
  }

  static SqlType decimal(int precision, int scale) {
    // Sign and point: "-1234567890123.45" for DECIMAL(15,2).
    return new SqlType(Types.DECIMAL, "DECIMAL", precision, scale, precision + (scale > 0 ? 2 : 1),
        "java.math.BigDecimal", true);
  }

  static SqlType varchar(int length) {
    return new SqlType(Types.VARCHAR, "VARCHAR", length, 0, length, "java.lang.String", false);
  }

  static SqlType character(int length) {
    return new SqlType(Types.CHAR, "CHAR", length, 0, length, "java.lang.String", false);
  }

  /** The JDBC type of a catalog column type. */
  static SqlType fromHive(HiveType type) {
    return switch (type.kind()) {
      case BOOLEAN -> BOOLEAN;
      case TINYINT -> TINYINT;
      case SMALLINT -> SMALLINT;
      case INT -> INTEGER;
      case BIGINT -> BIGINT;
      case FLOAT -> REAL;
      case DOUBLE -> DOUBLE;
      case DECIMAL -> decimal(type.precision(), type.scale());
      case STRING -> VARCHAR;
      case VARCHAR -> varchar(type.length());
      case CHAR -> character(type.length());
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case BINARY -> VARBINARY;
    };
  }

  /**
   * The JDBC type of a catalog column's type name. Complex Hive types, which Tarn's queries cannot read yet, are
   * ARRAY ({@code array<...>}), STRUCT ({@code struct<...>}, named ROW as in Trino) and OTHER ({@code map<...>});
   * a name the catalog cannot parse is OTHER, never an error.
   */
  static SqlType fromCatalog(String hiveType) {
    try {
      return fromHive(HiveType.parse(hiveType));
    } catch (CatalogException unparseable) {
      String text = hiveType == null ? "" : hiveType.trim().toLowerCase(Locale.ROOT);
      if (text.startsWith("array<")) {
        return new SqlType(Types.ARRAY, "ARRAY", 0, 0, UNBOUNDED, "java.sql.Array", false);
      }
      if (text.startsWith("struct<")) {
        return new SqlType(Types.STRUCT, "ROW", 0, 0, UNBOUNDED, "java.sql.Struct", false);
      }
      if (text.startsWith("map<")) {
        return new SqlType(Types.OTHER, "MAP", 0, 0, UNBOUNDED, "java.lang.Object", false);
      }
      return new SqlType(Types.OTHER, text.toUpperCase(Locale.ROOT), 0, 0, UNBOUNDED, "java.lang.Object", false);
    }
  }

  /**
   * getColumns' COLUMN_SIZE: digits for numbers, characters for text and for a date-time's text form, bytes for
   * binary, 1 for BOOLEAN; null where no size applies (ARRAY, ROW, MAP).
   */
  static Integer columnSize(SqlType type) {
    return switch (type.jdbcType()) {
      case Types.ARRAY, Types.STRUCT, Types.OTHER, Types.NULL -> null;
      default -> type.precision();
    };
  }

  /** getColumns' DECIMAL_DIGITS: 0 for integers, the scale of DECIMAL, fractional second digits; else null. */
  static Integer decimalDigits(SqlType type) {
    return switch (type.jdbcType()) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.TIMESTAMP -> type.scale();
      default -> null;
    };
  }

  /** getColumns' NUM_PREC_RADIX: 10 for numbers (COLUMN_SIZE counts decimal digits), else null. */
  static Integer radix(SqlType type) {
    return type.isNumeric() ? 10 : null;
  }

  /** getColumns' CHAR_OCTET_LENGTH: the most UTF-8 bytes a text value takes (4 per character); else null. */
  static Integer octetLength(SqlType type) {
    if (type.jdbcType() != Types.VARCHAR && type.jdbcType() != Types.CHAR) {
      return null;
    }
    return type.precision() >= UNBOUNDED / 4 ? UNBOUNDED : type.precision() * 4;
  }

  /** The JDBC type of a result column; fails for Arrow types Tarn never produces. */
  static SqlType fromArrow(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return BOOLEAN;
    }
    if (type instanceof ArrowType.Int integer) {
      return switch (integer.getBitWidth()) {
        case 8 -> TINYINT;
        case 16 -> SMALLINT;
        case 32 -> INTEGER;
        default -> BIGINT;
      };
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return floating.getPrecision() == FloatingPointPrecision.DOUBLE ? DOUBLE : REAL;
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return decimal(decimal.getPrecision(), decimal.getScale());
    }
    if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return VARCHAR;
    }
    if (type instanceof ArrowType.Date) {
      return DATE;
    }
    if (type instanceof ArrowType.Timestamp timestamp) {
      int fraction = switch (timestamp.getUnit()) {
        case SECOND -> 0;
        case MILLISECOND -> 3;
        case MICROSECOND -> 6;
        case NANOSECOND -> 9;
      };
      int width = 19 + (fraction == 0 ? 0 : fraction + 1);
      return new SqlType(Types.TIMESTAMP, "TIMESTAMP", width, fraction, width, "java.sql.Timestamp", false);
    }
    if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return VARBINARY;
    }
    if (type instanceof ArrowType.Null) {
      return NULL;
    }
    return new SqlType(Types.OTHER, type.toString().toUpperCase(java.util.Locale.ROOT), 0, 0, UNBOUNDED,
        "java.lang.Object", false);
  }
}
