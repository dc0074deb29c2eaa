package dev.tarn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.testing.ClassReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the compiled classes: queries can only run on Tarn's own
 * operators because no engine class can reach Calcite's row-at-a-time runtime, and the execution layers do not
 * depend on Calcite at all.
 */
class ArchitectureTest {

  /** Calcite's execution runtimes: Enumerable code generation, the Bindable interpreter, its JDBC executor. */
  static final List<String> CALCITE_RUNTIME = List.of(
      "org/apache/calcite/adapter/enumerable/",
      "org/apache/calcite/interpreter/",
      "org/apache/calcite/linq4j/Enumerable",
      "org/apache/calcite/linq4j/Enumerator",
      "org/apache/calcite/runtime/Bindable",
      "org/apache/calcite/runtime/ArrayBindable",
      "org/apache/calcite/prepare/CalcitePrepareImpl",
      "org/apache/calcite/jdbc/");

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void noEngineClassReachesCalcitesRuntime() {
    assertThat(Files.isDirectory(CLASSES.resolve("dev/tarn/engine"))).isTrue();
    assertThat(ClassReferences.offenders(CLASSES, "dev/tarn/", CALCITE_RUNTIME)).isEmpty();
  }

  @Test
  void executionPlanAndParquetLayersDoNotImportCalcite() {
    for (String layer : List.of("dev/tarn/engine/exec/", "dev/tarn/engine/plan/", "dev/tarn/engine/parquet/")) {
      assertThat(ClassReferences.offenders(CLASSES, layer, List.of("org/apache/calcite/"))).as(layer).isEmpty();
    }
  }

  @Test
  void catalogKnowsNothingOfTheEngine() {
    Path catalogClasses = Path.of("..", "catalog", "target", "classes");
    assertThat(ClassReferences.offenders(catalogClasses, "dev/tarn/catalog/",
        List.of("org/apache/calcite/", "org/apache/arrow/", "dev/tarn/engine/"))).isEmpty();
  }
}
