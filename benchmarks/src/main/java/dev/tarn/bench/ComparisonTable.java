package dev.tarn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The Markdown table of a Tarn-vs-DuckDB run: per query each engine's mean time and error, the ratio Tarn/DuckDB,
 * then the geometric mean of the ratios (over the queries both engines finished) and the three worst ratios.
 */
final class ComparisonTable {

  /** One engine's result for one query: a mean and its error in milliseconds, or why there is none. */
  record Outcome(double millis, double error, String failure) {
    static Outcome measured(double millis, double error) {
      return new Outcome(millis, error, null);
    }

    static Outcome failed(String failure) {
      return new Outcome(Double.NaN, Double.NaN, failure);
    }

    boolean succeeded() {
      return failure == null;
    }

    String cell() {
      if (!succeeded()) {
        return failure;
      }
      return Double.isNaN(error) ? format(millis) : format(millis) + " ± " + format(error);
    }
  }

  /** One query's row: Tarn's and DuckDB's outcomes. */
  record Row(int query, Outcome tarn, Outcome duckDb) {
    boolean comparable() {
      return tarn.succeeded() && duckDb.succeeded() && duckDb.millis() > 0;
    }

    double ratio() {
      return tarn.millis() / duckDb.millis();
    }
  }

  private ComparisonTable() {}

  /** The rows for {@code queries}, in query order; a query missing from {@code outcomes} is reported as not run. */
  static List<Row> rows(SortedMap<Integer, Map<String, Outcome>> outcomes) {
    List<Row> rows = new ArrayList<>();
    Outcome missing = Outcome.failed("not run");
    for (Map.Entry<Integer, Map<String, Outcome>> entry : outcomes.entrySet()) {
      rows.add(new Row(entry.getKey(), entry.getValue().getOrDefault("tarn", missing),
          entry.getValue().getOrDefault("duckdb", missing)));
    }
    return rows;
  }

  /** The geometric mean of the Tarn/DuckDB ratios of the rows both engines finished; NaN when there is none. */
  static double geometricMean(List<Row> rows) {
    double logSum = 0;
    int count = 0;
    for (Row row : rows) {
      if (row.comparable()) {
        logSum += Math.log(row.ratio());
        count++;
      }
    }
    return count == 0 ? Double.NaN : Math.exp(logSum / count);
  }

  /** Up to {@code limit} comparable rows with the highest ratio (Tarn slowest relative to DuckDB), worst first. */
  static List<Row> worst(List<Row> rows, int limit) {
    return rows.stream().filter(Row::comparable).sorted(Comparator.comparingDouble(Row::ratio).reversed())
        .limit(limit).toList();
  }

  /** The whole report: {@code header} lines as a bullet list, the table, the geometric mean and the worst three. */
  static String markdown(String title, List<String> header, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title).append("\n\n");
    for (String line : header) {
      out.append("- ").append(line).append('\n');
    }
    out.append("\n| query | Tarn ms | DuckDB ms | Tarn/DuckDB |\n|---|---:|---:|---:|\n");
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "| Q%02d | %s | %s | %s |%n", row.query(), row.tarn().cell(),
          row.duckDb().cell(), row.comparable() ? ratio(row.ratio()) : "—"));
    }
    long compared = rows.stream().filter(Row::comparable).count();
    double mean = geometricMean(rows);
    out.append(String.format(Locale.ROOT, "%n**Geometric mean of Tarn/DuckDB: %s** (over %d of %d queries)%n",
        Double.isNaN(mean) ? "—" : ratio(mean), compared, rows.size()));
    List<Row> worst = worst(rows, 3);
    if (!worst.isEmpty()) {
      out.append("\nWorst ratios: ");
      List<String> parts = new ArrayList<>();
      for (Row row : worst) {
        parts.add(String.format(Locale.ROOT, "Q%02d %s (%s vs %s ms)", row.query(), ratio(row.ratio()),
            format(row.tarn().millis()), format(row.duckDb().millis())));
      }
      out.append(String.join(", ", parts)).append('\n');
    }
    return out.toString();
  }

  /** Milliseconds with about three significant digits. */
  static String format(double millis) {
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f", millis);
    }
    return String.format(Locale.ROOT, millis >= 10 ? "%.1f" : "%.2f", millis);
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.1f×" : "%.2f×", ratio);
  }
}
