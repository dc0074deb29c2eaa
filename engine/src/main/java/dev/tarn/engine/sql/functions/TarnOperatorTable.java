package dev.tarn.engine.sql.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The Athena/Trino scalar functions Calcite's standard operator table lacks (or types differently), each with
 * Trino's return type. Looked up before {@link SqlStdOperatorTable}, so ROUND, TRUNCATE, SIGN and REPLACE here
 * replace the standard ones (Calcite keeps a decimal's scale for ROUND; Trino does not). FLOOR and CEIL keep
 * Calcite's parser-bound operators: decimal(p,s) gives decimal(p,0), one digit wider than Trino's type.
 * Names are matched case-insensitively; RexToExpr maps each to a {@code Functions} name by its name.
 */
public final class TarnOperatorTable {

  /** Date-part functions that are {@code extract(field, x)}: name, then the extract field. */
  public static final List<List<String>> DATE_PART_FUNCTIONS = List.of(
      List.of("DAY", "day"), List.of("DAY_OF_MONTH", "day"), List.of("DAY_OF_WEEK", "day_of_week"),
      List.of("DOW", "day_of_week"), List.of("DAY_OF_YEAR", "day_of_year"), List.of("DOY", "day_of_year"),
      List.of("WEEK_OF_YEAR", "week"), List.of("MILLISECOND", "millisecond"));

  private static final SqlReturnTypeInference VARCHAR = ReturnTypes.explicit(SqlTypeName.VARCHAR)
      .andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlReturnTypeInference BIGINT = ReturnTypes.BIGINT_NULLABLE;
  private static final SqlReturnTypeInference BOOLEAN = ReturnTypes.BOOLEAN_NULLABLE;
  private static final SqlReturnTypeInference DOUBLE = ReturnTypes.DOUBLE_NULLABLE;
  private static final SqlReturnTypeInference TIMESTAMP = ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3)
      .andThen(SqlTypeTransforms.TO_NULLABLE);

  private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      SqlOperatorTables.of(operators()), SqlStdOperatorTable.instance());

  private TarnOperatorTable() {}

  /** Tarn's functions chained before Calcite's standard operators: the table the validator uses. */
  public static SqlOperatorTable instance() {
    return INSTANCE;
  }

  private static List<SqlFunction> operators() {
    List<SqlFunction> functions = new ArrayList<>();
    SqlFunctionCategory string = SqlFunctionCategory.STRING;
    SqlFunctionCategory numeric = SqlFunctionCategory.NUMERIC;
    SqlFunctionCategory time = SqlFunctionCategory.TIMEDATE;
    SqlFunctionCategory system = SqlFunctionCategory.SYSTEM;
    // Strings.
    functions.add(function("LENGTH", BIGINT, OperandTypes.STRING, string));
    functions.add(function("SUBSTR", VARCHAR, optional(2, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER,
        SqlTypeFamily.INTEGER), string));
    functions.add(function("LTRIM", VARCHAR, optional(1, SqlTypeFamily.STRING, SqlTypeFamily.STRING), string));
    functions.add(function("RTRIM", VARCHAR, optional(1, SqlTypeFamily.STRING, SqlTypeFamily.STRING), string));
    functions.add(function("CONCAT", VARCHAR, OperandTypes.repeat(SqlOperandCountRanges.from(1),
        OperandTypes.STRING), string));
    functions.add(function("REPLACE", VARCHAR, optional(2, SqlTypeFamily.STRING, SqlTypeFamily.STRING,
        SqlTypeFamily.STRING), string));
    functions.add(function("STRPOS", BIGINT, OperandTypes.STRING_STRING, string));
    functions.add(function("SPLIT_PART", VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE),
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER), string));
    functions.add(function("LPAD", VARCHAR,
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.STRING), string));
    functions.add(function("RPAD", VARCHAR,
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.STRING), string));
    functions.add(function("REVERSE", VARCHAR, OperandTypes.STRING, string));
    functions.add(function("STARTS_WITH", BOOLEAN, OperandTypes.STRING_STRING, string));
    functions.add(function("REGEXP_LIKE", BOOLEAN, OperandTypes.STRING_STRING, string));
    functions.add(function("REGEXP_EXTRACT", VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE),
        optional(2, SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER), string));
    functions.add(function("REGEXP_REPLACE", VARCHAR, optional(2, SqlTypeFamily.STRING, SqlTypeFamily.STRING,
        SqlTypeFamily.STRING), string));
    // Math.
    functions.add(function("ROUND", TarnOperatorTable::roundType,
        optional(1, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), numeric));
    functions.add(function("TRUNCATE", TarnOperatorTable::truncateType,
        optional(1, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), numeric));
    functions.add(function("SIGN", TarnOperatorTable::signType, OperandTypes.NUMERIC, numeric));
    functions.add(function("POW", DOUBLE, OperandTypes.NUMERIC_NUMERIC, numeric));
    functions.add(function("LOG", DOUBLE, OperandTypes.NUMERIC_NUMERIC, numeric));
    functions.add(withInference(function("GREATEST", ReturnTypes.LEAST_RESTRICTIVE,
        OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY), numeric)));
    functions.add(withInference(function("LEAST", ReturnTypes.LEAST_RESTRICTIVE,
        OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY), numeric)));
    // Conditionals.
    functions.add(function("IF", TarnOperatorTable::ifType, optional(2, SqlTypeFamily.BOOLEAN, SqlTypeFamily.ANY,
        SqlTypeFamily.ANY), system));
    functions.add(withInference(function("NVL", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.LEAST_NULLABLE),
        OperandTypes.SAME_SAME, system)));
    // Dates and times.
    functions.add(function("DATE_TRUNC", ReturnTypes.ARG1_NULLABLE,
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.DATETIME), time));
    functions.add(function("DATE_ADD", ReturnTypes.ARG2_NULLABLE,
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.DATETIME), time));
    // Babel parses DATE_DIFF with BigQuery's grammar (third argument a time unit), so this is reached only
    // through a future parser; TIMESTAMPDIFF(unit, a, b) is the working spelling.
    functions.add(function("DATE_DIFF", BIGINT,
        OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME), time));
    functions.add(function("DATE_FORMAT", VARCHAR,
        OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.STRING), time));
    functions.add(function("DATE_PARSE", TIMESTAMP, OperandTypes.STRING_STRING, time));
    functions.add(function("FROM_UNIXTIME", TIMESTAMP, OperandTypes.NUMERIC, time));
    functions.add(function("TO_UNIXTIME", DOUBLE, OperandTypes.DATETIME, time));
    functions.add(function("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3), OperandTypes.NILADIC, time));
    for (List<String> datePart : DATE_PART_FUNCTIONS) {
      functions.add(function(datePart.get(0), BIGINT, OperandTypes.DATETIME, time));
    }
    return functions;
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands, SqlFunctionCategory category) {
    return SqlBasicFunction.create(name, returnType, operands, category);
  }

  /** Lets a bare NULL argument take the type of the other arguments. */
  private static SqlFunction withInference(SqlFunction function) {
    return ((SqlBasicFunction) function).withOperandTypeInference(InferTypes.FIRST_KNOWN);
  }

  /** The families, the first {@code required} of them mandatory. */
  private static SqlOperandTypeChecker optional(int required, SqlTypeFamily... families) {
    return OperandTypes.family(List.of(families), index -> index >= required);
  }

  /** Trino: round(decimal(p,s)) is decimal(p-s+min(s,1), 0); round(decimal(p,s), d) is decimal(p+1, s). */
  private static RelDataType roundType(SqlOperatorBinding binding) {
    RelDataType type = binding.getOperandType(0);
    if (type.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return type;
    }
    int precision = type.getPrecision();
    int scale = type.getScale();
    return binding.getOperandCount() == 1 ? decimal(binding, precision - scale + Math.min(scale, 1), 0)
        : decimal(binding, Math.min(38, precision + 1), scale);
  }

  /** Trino: truncate(decimal(p,s)) is decimal(max(1, p-s), 0); truncate(decimal(p,s), d) keeps the type. */
  private static RelDataType truncateType(SqlOperatorBinding binding) {
    RelDataType type = binding.getOperandType(0);
    if (type.getSqlTypeName() != SqlTypeName.DECIMAL || binding.getOperandCount() == 2) {
      return type;
    }
    return decimal(binding, Math.max(1, type.getPrecision() - type.getScale()), 0);
  }

  /** Trino: sign of a decimal is decimal(1,0). */
  private static RelDataType signType(SqlOperatorBinding binding) {
    RelDataType type = binding.getOperandType(0);
    return type.getSqlTypeName() == SqlTypeName.DECIMAL ? decimal(binding, 1, 0) : type;
  }

  /** if(c, a[, b]): the common type of a and b; NULL when c is not true and b is absent. */
  private static RelDataType ifType(SqlOperatorBinding binding) {
    RelDataTypeFactory factory = binding.getTypeFactory();
    List<RelDataType> branches = binding.collectOperandTypes().subList(1, binding.getOperandCount());
    RelDataType common = factory.leastRestrictive(branches);
    if (common == null) {
      throw binding.newError(org.apache.calcite.util.Static.RESOURCE.incompatibleTypes());
    }
    return binding.getOperandCount() == 2 ? factory.createTypeWithNullability(common, true) : common;
  }

  private static RelDataType decimal(SqlOperatorBinding binding, int precision, int scale) {
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataType type = factory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, precision), scale);
    return factory.createTypeWithNullability(type, binding.getOperandType(0).isNullable());
  }
}
