package dev.tarn.engine.plan.expr;

/**
 * The names of scalar functions and operators in {@link Call}s, with their argument conventions. SQL NULL
 * semantics apply unless stated: a NULL argument gives a NULL result.
 */
public final class Functions {
  private Functions() {}

  // Arithmetic on numbers of the call's result type (arguments are already cast to it, except DECIMAL where
  // each argument keeps its own precision and scale and the result type gives the result's).
  public static final String ADD = "add";
  public static final String SUBTRACT = "subtract";
  public static final String MULTIPLY = "multiply";
  /** Integer division truncates toward zero; division by zero fails with DIVISION_BY_ZERO. */
  public static final String DIVIDE = "divide";
  public static final String MODULUS = "modulus";
  public static final String NEGATE = "negate";

  // Comparisons of two arguments of the same type (the planner inserts casts); result Bool.
  public static final String EQUAL = "equal";
  public static final String NOT_EQUAL = "not_equal";
  public static final String LESS_THAN = "less_than";
  public static final String LESS_THAN_OR_EQUAL = "less_than_or_equal";
  public static final String GREATER_THAN = "greater_than";
  public static final String GREATER_THAN_OR_EQUAL = "greater_than_or_equal";

  // Boolean logic with SQL three-valued semantics: AND(false, null) = false, OR(true, null) = true.
  /** Any number (at least two) of Bool arguments. */
  public static final String AND = "and";
  /** Any number (at least two) of Bool arguments. */
  public static final String OR = "or";
  public static final String NOT = "not";

  // Null tests: never NULL themselves.
  public static final String IS_NULL = "is_null";
  public static final String IS_NOT_NULL = "is_not_null";
  /** IS TRUE / IS FALSE / IS NOT TRUE / IS NOT FALSE: never NULL. */
  public static final String IS_TRUE = "is_true";
  public static final String IS_FALSE = "is_false";
  public static final String IS_NOT_TRUE = "is_not_true";
  public static final String IS_NOT_FALSE = "is_not_false";

  /**
   * CASE: arguments are {@code when1, then1, when2, then2, ..., else}: an odd count; the else is a NULL literal
   * when the SQL had none. A when that is NULL counts as false. Then/else arguments have the result type.
   */
  public static final String CASE = "case";

  /** CAST of the one argument to the call's type. Invalid strings fail with INVALID_CAST; overflow with NUMERIC_OVERFLOW. */
  public static final String CAST = "cast";

  /** {@code value LIKE pattern [ESCAPE escape]}: Utf8 arguments; the pattern and escape are literals or columns. */
  public static final String LIKE = "like";

  /**
   * {@code value IN (list)}: the first argument is the value, the rest are literals of the same type. NULL when
   * no element matches and the value or some element is NULL.
   */
  public static final String IN = "in";

  // Strings (Utf8 arguments and results unless stated; positions and lengths count characters, not bytes).
  public static final String UPPER = "upper";
  public static final String LOWER = "lower";
  /** Character count as Bigint (Int32 when the SQL asked for CHAR_LENGTH). */
  public static final String LENGTH = "length";
  /** {@code substr(s, start[, length])} with Trino rules: 1-based, a negative start counts from the end, start 0 is ''. */
  public static final String SUBSTR = "substr";
  /** {@code trim(s[, characters])}: removes any of the characters (default: spaces) from both ends. */
  public static final String TRIM = "trim";
  public static final String LTRIM = "ltrim";
  public static final String RTRIM = "rtrim";
  /** Any number of arguments; NULL if any argument is NULL (Trino, unlike DuckDB's concat). */
  public static final String CONCAT = "concat";
  /** {@code replace(s, search[, replacement])}: every occurrence; no replacement removes them. */
  public static final String REPLACE = "replace";
  /** {@code strpos(s, substring)}: 1-based character position of the first occurrence, 0 when absent. */
  public static final String STRPOS = "strpos";
  /** {@code split_part(s, delimiter, index)}: the 1-based field, NULL when the index is past the last field. */
  public static final String SPLIT_PART = "split_part";
  /** {@code lpad/rpad(s, size, padding)}: pads or truncates to size characters. */
  public static final String LPAD = "lpad";
  public static final String RPAD = "rpad";
  public static final String REVERSE = "reverse";
  /** {@code starts_with(s, prefix)}: Bool. */
  public static final String STARTS_WITH = "starts_with";
  /** {@code regexp_like(s, pattern)}: Bool, true when the Java regex finds a match anywhere. */
  public static final String REGEXP_LIKE = "regexp_like";
  /** {@code regexp_extract(s, pattern[, group])}: the first match (or its group), NULL when none. */
  public static final String REGEXP_EXTRACT = "regexp_extract";
  /** {@code regexp_replace(s, pattern[, replacement])}: every match; $n refers to groups. */
  public static final String REGEXP_REPLACE = "regexp_replace";

  // Math. Result type given by the call; integer and decimal arguments keep their kind where Trino does.
  public static final String ABS = "abs";
  /** -1, 0 or 1 in the argument's kind (decimal(1,0) for decimals). */
  public static final String SIGN = "sign";
  /** {@code round(x[, digits])}: half away from zero; decimals keep their scale when digits are given. */
  public static final String ROUND = "round";
  /** {@code truncate(x[, digits])}: toward zero. */
  public static final String TRUNCATE = "truncate";
  public static final String FLOOR = "floor";
  public static final String CEIL = "ceil";
  // Double in, double out (IEEE 754: ln(-1) and sqrt(-1) are NaN, ln(0) is -Infinity).
  public static final String SQRT = "sqrt";
  public static final String POWER = "power";
  public static final String LN = "ln";
  public static final String LOG10 = "log10";
  /** {@code log(base, x)}. */
  public static final String LOG = "log";
  public static final String EXP = "exp";
  /** Arguments of the result type; NULL if any argument is NULL (Trino). */
  public static final String GREATEST = "greatest";
  public static final String LEAST = "least";

  // Date and time. Units and formats are Utf8 literals; dates are days, timestamps microseconds (UTC, no zone).
  /**
   * {@code extract(field, x)}: the first argument is a Utf8 literal field name: year, quarter, month, week (ISO),
   * day, day_of_week (ISO: Monday 1 .. Sunday 7), day_of_year, hour, minute, second, millisecond; result Bigint.
   */
  public static final String EXTRACT = "extract";
  /** {@code date_trunc(unit, x)}: same type as x; weeks start on Monday. */
  public static final String DATE_TRUNC = "date_trunc";
  /**
   * {@code date_add(unit, amount, x)}: Bigint amount; month, quarter and year clamp to the month's last day;
   * units microsecond .. year (a DATE accepts day and larger).
   */
  public static final String DATE_ADD = "date_add";
  /** {@code date_diff(unit, a, b)}: whole units from a to b as Bigint (Trino/Joda: months clamp at month ends). */
  public static final String DATE_DIFF = "date_diff";
  /** {@code date_format(timestamp, format)}: MySQL-style specifiers (%Y-%m-%d %H:%i:%s). */
  public static final String DATE_FORMAT = "date_format";
  /** {@code date_parse(string, format)}: the inverse of date_format, to Timestamp. */
  public static final String DATE_PARSE = "date_parse";
  /** Seconds since the epoch (Double or integer) to Timestamp (UTC). */
  public static final String FROM_UNIXTIME = "from_unixtime";
  /** Timestamp to seconds since the epoch as Double. */
  public static final String TO_UNIXTIME = "to_unixtime";
}
