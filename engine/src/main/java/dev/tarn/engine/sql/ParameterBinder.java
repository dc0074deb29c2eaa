package dev.tarn.engine.sql;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Binds {@code ?} markers to values by replacing them with literals before validation, as Athena's execution
 * parameters do; each literal is then typed like one written in the SQL.
 */
public final class ParameterBinder {

  private ParameterBinder() {}

  /** The number of {@code ?} markers in a parsed statement. */
  public static int count(SqlNode node) {
    int[] count = {0};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlDynamicParam param) {
        count[0]++;
        return null;
      }
    });
    return count[0];
  }

  public static SqlNode bind(SqlNode node, List<Object> parameters) {
    int markers = count(node);
    if (markers != parameters.size()) {
      throw new TarnException(ErrorCode.INVALID_ARGUMENT, null,
          "Statement has " + markers + " parameter markers but " + parameters.size() + " values were given");
    }
    if (markers == 0) {
      return node;
    }
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        return literal(parameters.get(param.getIndex()), param.getParserPosition());
      }
    });
  }

  /**
   * Binds each marker to a NULL of the given type ({@code CAST(NULL AS type)}), so that a query can be planned, and
   * its result columns known, before its values are.
   */
  public static SqlNode bindNulls(SqlNode node, List<SqlDataTypeSpec> types) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        SqlParserPos pos = param.getParserPosition();
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos), types.get(param.getIndex()));
      }
    });
  }

  private static SqlNode literal(Object value, SqlParserPos pos) {
    if (value == null) {
      return SqlLiteral.createNull(pos);
    }
    if (value instanceof Boolean b) {
      return SqlLiteral.createBoolean(b, pos);
    }
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
        || value instanceof java.math.BigInteger) {
      return SqlLiteral.createExactNumeric(value.toString(), pos);
    }
    if (value instanceof BigDecimal decimal) {
      return SqlLiteral.createExactNumeric(decimal.toPlainString(), pos);
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw TarnException.notSupported("parameter value " + d);
      }
      return SqlLiteral.createApproxNumeric(Double.toString(d).contains("E") ? Double.toString(d) : d + "E0", pos);
    }
    if (value instanceof String s) {
      return SqlLiteral.createCharString(s, pos);
    }
    if (value instanceof java.sql.Date date) {
      return literal(date.toLocalDate(), pos);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return literal(timestamp.toLocalDateTime(), pos);
    }
    if (value instanceof LocalDate date) {
      return SqlLiteral.createDate(DateString.fromDaysSinceEpoch((int) date.toEpochDay()), pos);
    }
    if (value instanceof LocalDateTime timestamp) {
      TimestampString text = new TimestampString(timestamp.getYear(), timestamp.getMonthValue(),
          timestamp.getDayOfMonth(), timestamp.getHour(), timestamp.getMinute(), timestamp.getSecond())
          .withNanos(timestamp.getNano());
      return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, text, 6, pos);
    }
    throw TarnException.notSupported("parameter of Java type " + value.getClass().getName());
  }
}
