package dev.tarn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.bench.ComparisonTable.Outcome;
import dev.tarn.bench.ComparisonTable.Row;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

  private static final List<Row> ROWS = ComparisonTable.rows(new TreeMap<>(Map.of(
      1, Map.of("tarn", Outcome.measured(400, 10), "duckdb", Outcome.measured(100, 5)),
      3, Map.of("tarn", Outcome.measured(50, 1), "duckdb", Outcome.measured(100, 2)),
      6, Map.of("tarn", Outcome.measured(200, 1), "duckdb", Outcome.measured(100, 2)),
      9, Map.of("tarn", Outcome.failed("timeout (> 300 s)"), "duckdb", Outcome.measured(100, 2)),
      13, Map.of("tarn", Outcome.measured(300, 3)))));

  @Test
  void geometricMeanOnlyOverQueriesBothEnginesFinished() {
    // ratios 4, 0.5, 2: (4 * 0.5 * 2)^(1/3) = 4^(1/3)
    assertThat(ComparisonTable.geometricMean(ROWS)).isCloseTo(Math.cbrt(4), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ComparisonTable.geometricMean(List.of())).isNaN();
  }

  @Test
  void worstRatiosComeFirst() {
    assertThat(ComparisonTable.worst(ROWS, 3)).extracting(Row::query).containsExactly(1, 6, 3);
    assertThat(ComparisonTable.worst(ROWS, 1)).extracting(Row::query).containsExactly(1);
  }

  @Test
  void markdownShowsFailuresAndMissingRuns() {
    String markdown = ComparisonTable.markdown("TPC-H SF1", List.of("threads: 2"), ROWS);
    assertThat(markdown)
        .contains("- threads: 2")
        .contains("| Q01 | 400 ± 10.0 | 100 ± 5.00 | 4.00× |")
        .contains("| Q09 | timeout (> 300 s) | 100 ± 2.00 | — |")
        .contains("| Q13 | 300 ± 3.00 | not run | — |")
        .contains("**Geometric mean of Tarn/DuckDB: 1.59×** (over 3 of 5 queries)")
        .contains("Worst ratios: Q01 4.00× (400 vs 100 ms), Q06 2.00× (200 vs 100 ms), Q03 0.50× (50.0 vs 100 ms)");
  }

  @Test
  void parsesQueryListsAndRanges() {
    assertThat(TpchComparison.parseQueries("6,1, q10-12,6")).containsExactly(1, 6, 10, 11, 12);
    assertThat(TpchComparison.parseQueries("1-22")).hasSize(22);
    assertThatThrownBy(() -> TpchComparison.parseQueries("0,23")).hasMessageContaining("1 to 22");
    assertThatThrownBy(() -> TpchComparison.parseQueries("x")).hasMessageContaining("not a query number");
  }
}
