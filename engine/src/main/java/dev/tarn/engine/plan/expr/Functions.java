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
}
