package dev.tarn.engine.api;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL functions Tarn executes, by the names SQL calls them: the scalar functions the planner translates into
 * kernels (ScalarFunctionTranslator, RexToExpr), the aggregates AggregateTranslation accepts and the window
 * functions WindowFunctions computes. Each entry has an example call over the columns {@code x} (INTEGER),
 * {@code s} (VARCHAR), {@code d} (DATE) and {@code ts} (TIMESTAMP); a test runs every example, so nothing is listed
 * that fails. JDBC's getFunctions answers from this list.
 */
public final class BuiltInFunctions {
  private BuiltInFunctions() {}

  /** How a function is called. */
  public enum Kind { SCALAR, AGGREGATE, WINDOW }

  /** The family of a function, as JDBC's getNumericFunctions and the like group them. */
  public enum Category { NUMERIC, STRING, TIME_DATE, SYSTEM }

  /** One function: its SQL name (lower case), kind, family, an example call and what it computes. */
  public record Function(String name, Kind kind, Category category, String example, String description) {}

  private static final List<Function> ALL = Stream.of(
      // Strings.
      scalar("concat", Category.STRING, "concat(s, 'b')", "Concatenates strings; NULL if any argument is NULL"),
      scalar("length", Category.STRING, "length(s)", "Number of characters"),
      scalar("char_length", Category.STRING, "char_length(s)", "Number of characters"),
      scalar("character_length", Category.STRING, "character_length(s)", "Number of characters"),
      scalar("lower", Category.STRING, "lower(s)", "Lower case"),
      scalar("upper", Category.STRING, "upper(s)", "Upper case"),
      scalar("substr", Category.STRING, "substr(s, 1, 1)", "Substring from a 1-based start, of an optional length"),
      scalar("substring", Category.STRING, "substring(s FROM 1 FOR 1)", "Substring (SQL syntax)"),
      scalar("trim", Category.STRING, "trim(s)", "Removes leading and trailing spaces (or given characters)"),
      scalar("ltrim", Category.STRING, "ltrim(s)", "Removes leading spaces"),
      scalar("rtrim", Category.STRING, "rtrim(s)", "Removes trailing spaces"),
      scalar("replace", Category.STRING, "replace(s, 'a', 'b')", "Replaces every occurrence of a substring"),
      scalar("reverse", Category.STRING, "reverse(s)", "Characters in reverse order"),
      scalar("strpos", Category.STRING, "strpos(s, 'a')", "1-based position of a substring, 0 if absent"),
      scalar("position", Category.STRING, "position('a' IN s)", "1-based position of a substring, 0 if absent"),
      scalar("starts_with", Category.STRING, "starts_with(s, 'a')", "Whether a string starts with a prefix"),
      scalar("split_part", Category.STRING, "split_part(s, ',', 1)", "The n-th field of a delimited string"),
      scalar("lpad", Category.STRING, "lpad(s, 3, '0')", "Pads on the left to a length"),
      scalar("rpad", Category.STRING, "rpad(s, 3, '0')", "Pads on the right to a length"),
      scalar("regexp_like", Category.STRING, "regexp_like(s, 'a+')", "Whether a regular expression matches"),
      scalar("regexp_extract", Category.STRING, "regexp_extract(s, 'a+')", "The first match of a regular expression"),
      scalar("regexp_replace", Category.STRING, "regexp_replace(s, 'a', 'b')", "Replaces every match of a regular expression"),
      // Numbers.
      scalar("abs", Category.NUMERIC, "abs(x)", "Absolute value"),
      scalar("sign", Category.NUMERIC, "sign(x)", "-1, 0 or 1"),
      scalar("round", Category.NUMERIC, "round(x * 1.5, 1)", "Rounds half away from zero"),
      scalar("truncate", Category.NUMERIC, "truncate(x * 1.5)", "Rounds toward zero"),
      scalar("floor", Category.NUMERIC, "floor(x * 1.5)", "Largest integer not above"),
      scalar("ceil", Category.NUMERIC, "ceil(x * 1.5)", "Smallest integer not below"),
      scalar("ceiling", Category.NUMERIC, "ceiling(x * 1.5)", "Smallest integer not below"),
      scalar("mod", Category.NUMERIC, "mod(x, 2)", "Remainder of a division"),
      scalar("power", Category.NUMERIC, "power(x, 2)", "A number raised to a power"),
      scalar("pow", Category.NUMERIC, "pow(x, 2)", "A number raised to a power"),
      scalar("sqrt", Category.NUMERIC, "sqrt(x)", "Square root"),
      scalar("exp", Category.NUMERIC, "exp(x)", "e raised to a power"),
      scalar("ln", Category.NUMERIC, "ln(x)", "Natural logarithm"),
      scalar("log10", Category.NUMERIC, "log10(x)", "Base-10 logarithm"),
      scalar("log", Category.NUMERIC, "log(2, x)", "Logarithm to a base: log(base, x)"),
      scalar("greatest", Category.NUMERIC, "greatest(x, 2)", "Largest argument; NULL if any is NULL"),
      scalar("least", Category.NUMERIC, "least(x, 2)", "Smallest argument; NULL if any is NULL"),
      // Dates and times.
      scalar("current_date", Category.TIME_DATE, "current_date", "Today (UTC), fixed for the query"),
      scalar("current_timestamp", Category.TIME_DATE, "current_timestamp", "Now (UTC), fixed for the query"),
      scalar("localtimestamp", Category.TIME_DATE, "localtimestamp", "Now (UTC), fixed for the query"),
      scalar("now", Category.TIME_DATE, "now()", "Now (UTC), fixed for the query"),
      scalar("extract", Category.TIME_DATE, "extract(YEAR FROM d)", "A field of a date or timestamp"),
      scalar("year", Category.TIME_DATE, "year(d)", "Year"),
      scalar("quarter", Category.TIME_DATE, "quarter(d)", "Quarter, 1 to 4"),
      scalar("month", Category.TIME_DATE, "month(d)", "Month, 1 to 12"),
      scalar("week", Category.TIME_DATE, "week(d)", "ISO week of the year"),
      scalar("week_of_year", Category.TIME_DATE, "week_of_year(d)", "ISO week of the year"),
      scalar("day", Category.TIME_DATE, "day(d)", "Day of the month"),
      scalar("day_of_month", Category.TIME_DATE, "day_of_month(d)", "Day of the month"),
      scalar("day_of_week", Category.TIME_DATE, "day_of_week(d)", "ISO day of the week, Monday 1 to Sunday 7"),
      scalar("dow", Category.TIME_DATE, "dow(d)", "ISO day of the week, Monday 1 to Sunday 7"),
      scalar("day_of_year", Category.TIME_DATE, "day_of_year(d)", "Day of the year"),
      scalar("doy", Category.TIME_DATE, "doy(d)", "Day of the year"),
      scalar("hour", Category.TIME_DATE, "hour(ts)", "Hour of the day"),
      scalar("minute", Category.TIME_DATE, "minute(ts)", "Minute of the hour"),
      scalar("second", Category.TIME_DATE, "second(ts)", "Second of the minute"),
      scalar("millisecond", Category.TIME_DATE, "millisecond(ts)", "Millisecond of the second"),
      scalar("date_trunc", Category.TIME_DATE, "date_trunc('month', d)", "Truncates to a unit"),
      scalar("date_add", Category.TIME_DATE, "date_add('day', 1, d)", "Adds an amount of a unit"),
      scalar("date_diff", Category.TIME_DATE, "\"date_diff\"('day', d, d)", "Whole units between two values (call it quoted)"),
      scalar("timestampadd", Category.TIME_DATE, "timestampadd(DAY, 1, ts)", "Adds an amount of a unit"),
      scalar("timestampdiff", Category.TIME_DATE, "timestampdiff(DAY, ts, ts)", "Whole units between two values"),
      scalar("date_format", Category.TIME_DATE, "date_format(ts, '%Y-%m-%d')", "Formats with MySQL specifiers"),
      scalar("date_parse", Category.TIME_DATE, "date_parse('2024-01-15', '%Y-%m-%d')", "Parses with MySQL specifiers"),
      scalar("from_unixtime", Category.TIME_DATE, "from_unixtime(x)", "Seconds since the epoch to a timestamp (UTC)"),
      scalar("to_unixtime", Category.TIME_DATE, "to_unixtime(ts)", "A timestamp to seconds since the epoch"),
      // Conditionals.
      scalar("coalesce", Category.SYSTEM, "coalesce(s, 'b')", "The first argument that is not NULL"),
      scalar("nvl", Category.SYSTEM, "nvl(s, 'b')", "The first argument unless NULL, else the second"),
      scalar("nullif", Category.SYSTEM, "nullif(x, 1)", "NULL if both arguments are equal, else the first"),
      scalar("if", Category.SYSTEM, "if(x > 0, 'p', 'n')", "The second argument if the condition holds, else the third"),
      // Aggregates.
      aggregate("count", "count(*)", "Number of rows, or of non-NULL values"),
      aggregate("count_if", "count_if(x > 0)", "Number of rows where a condition is true"),
      aggregate("sum", "sum(x)", "Sum"),
      aggregate("avg", "avg(x)", "Mean"),
      aggregate("min", "min(x)", "Smallest value"),
      aggregate("max", "max(x)", "Largest value"),
      aggregate("stddev", "stddev(x)", "Sample standard deviation"),
      aggregate("stddev_samp", "stddev_samp(x)", "Sample standard deviation"),
      aggregate("stddev_pop", "stddev_pop(x)", "Population standard deviation"),
      aggregate("variance", "variance(x)", "Sample variance"),
      aggregate("var_samp", "var_samp(x)", "Sample variance"),
      aggregate("var_pop", "var_pop(x)", "Population variance"),
      aggregate("bool_and", "bool_and(x > 0)", "Whether a condition holds on every row"),
      aggregate("bool_or", "bool_or(x > 0)", "Whether a condition holds on some row"),
      aggregate("every", "every(x > 0)", "Whether a condition holds on every row"),
      aggregate("approx_distinct", "approx_distinct(x)", "Estimated number of distinct values (HyperLogLog)"),
      // Window functions (aggregates work over windows too).
      window("row_number", "row_number() OVER (ORDER BY x)", "Number of the row in its partition"),
      window("rank", "rank() OVER (ORDER BY x)", "Rank with gaps"),
      window("dense_rank", "dense_rank() OVER (ORDER BY x)", "Rank without gaps"),
      window("percent_rank", "percent_rank() OVER (ORDER BY x)", "(rank - 1) / (rows - 1)"),
      window("cume_dist", "cume_dist() OVER (ORDER BY x)", "Fraction of rows up to the row's peers"),
      window("ntile", "ntile(2) OVER (ORDER BY x)", "Bucket number, 1 to n"),
      window("lag", "lag(x) OVER (ORDER BY x)", "Value of an earlier row"),
      window("lead", "lead(x) OVER (ORDER BY x)", "Value of a later row"),
      window("first_value", "first_value(x) OVER (ORDER BY x)", "Value of the frame's first row"),
      window("last_value", "last_value(x) OVER (ORDER BY x)", "Value of the frame's last row"),
      window("nth_value", "nth_value(x, 1) OVER (ORDER BY x)", "Value of the frame's n-th row"))
      .sorted(Comparator.comparing(Function::name)).toList();

  /** Every function, ordered by name. */
  public static List<Function> all() {
    return ALL;
  }

  private static Function scalar(String name, Category category, String example, String description) {
    return new Function(name, Kind.SCALAR, category, example, description);
  }

  private static Function aggregate(String name, String example, String description) {
    return new Function(name, Kind.AGGREGATE, Category.NUMERIC, example, description);
  }

  private static Function window(String name, String example, String description) {
    return new Function(name, Kind.WINDOW, Category.NUMERIC, example, description);
  }
}
