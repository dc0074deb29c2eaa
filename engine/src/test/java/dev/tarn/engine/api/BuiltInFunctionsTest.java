package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every function {@link BuiltInFunctions} lists runs: its example executes and gives a row. */
class BuiltInFunctionsTest {

  private static final String INPUT = " FROM (VALUES (1, 'a,b', DATE '2024-01-15', TIMESTAMP '2024-01-15 10:20:30'),"
      + " (2, 'aa', DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:59')) AS t(x, s, d, ts)";

  @TempDir
  Path warehouse;

  @Test
  void everyListedFunctionExecutes() {
    List<String> failures = new ArrayList<>();
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(warehouse));
        TarnSession session = engine.openSession(null)) {
      for (BuiltInFunctions.Function function : BuiltInFunctions.all()) {
        String sql = "SELECT " + function.example() + INPUT;
        try (QueryResult result = session.execute(sql)) {
          List<List<Object>> rows = ResultRowsReader.read(result);
          if (rows.isEmpty()) {
            failures.add(function.name() + ": no rows from " + sql);
          }
        } catch (TarnException e) {
          failures.add(function.name() + ": " + e.getMessage());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void namesAreLowerCaseAndUnique() {
    List<String> names = BuiltInFunctions.all().stream().map(BuiltInFunctions.Function::name).toList();
    assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    assertThat(names).allMatch(name -> name.equals(name.toLowerCase(java.util.Locale.ROOT))).isSorted();
  }
}
