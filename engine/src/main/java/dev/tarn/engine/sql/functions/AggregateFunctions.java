package dev.tarn.engine.sql.functions;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The Athena aggregate functions Calcite's standard operator table lacks: BOOL_AND and BOOL_OR (Calcite's
 * PostgreSQL-library functions, MIN and MAX over booleans), COUNT_IF(condition) and APPROX_DISTINCT(x). The
 * planner chains {@link #OPERATOR_TABLE} after the standard table; AggregateTranslation recognizes the last two
 * by name.
 */
public final class AggregateFunctions {
  private AggregateFunctions() {}

  /** COUNT_IF(boolean): BIGINT, the number of rows where the condition is true. */
  public static final SqlAggFunction COUNT_IF = SqlBasicAggFunction.create("COUNT_IF", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT, OperandTypes.BOOLEAN);

  /** APPROX_DISTINCT(x): BIGINT, the estimated number of distinct non-NULL values (standard error 2.3%). */
  public static final SqlAggFunction APPROX_DISTINCT = SqlBasicAggFunction.create("APPROX_DISTINCT",
      SqlKind.OTHER_FUNCTION, ReturnTypes.BIGINT, OperandTypes.ANY);

  public static final SqlOperatorTable OPERATOR_TABLE = SqlOperatorTables.of(
      SqlLibraryOperators.BOOL_AND, SqlLibraryOperators.BOOL_OR, COUNT_IF, APPROX_DISTINCT);
}
