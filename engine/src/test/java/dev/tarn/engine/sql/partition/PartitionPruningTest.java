package dev.tarn.engine.sql.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.store.SqliteCatalogStore;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.sql.QueryPlanner;
import dev.tarn.engine.sql.stats.TableStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 1 of pruning: predicates over partition keys choose partitions at planning time. Asserts both what the
 * catalog store was asked (so it never lists every partition when the predicate says which) and the exact number
 * of partitions kept out of 60 (years 1990–1994 × months 1–12).
 */
class PartitionPruningTest {

  @TempDir
  Path directory;

  private RecordingCatalogStore store;
  private RootAllocator allocator;

  @BeforeEach
  void createTable() {
    store = new RecordingCatalogStore(SqliteCatalogStore.open(directory.resolve("catalog.db")));
    store.createDatabase(Database.named("default"), true);
    String location = directory.resolve("sales").toString();
    store.createTable(Table.external("default", "sales", List.of(Column.of("amount", "double")),
        List.of(Column.of("year", "int"), Column.of("month", "int")), location, StorageFormat.PARQUET, Map.of()), false);
    List<Partition> partitions = new ArrayList<>();
    for (int year = 1990; year <= 1994; year++) {
      for (int month = 1; month <= 12; month++) {
        partitions.add(new Partition(List.of(String.valueOf(year), String.valueOf(month)), "default", "sales", null,
            null, Map.of()));
      }
    }
    store.addPartitions("default", "sales", partitions, false);
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    store.close();
    allocator.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "year = 1992 AND month = 3                       | 1  | And",
      "year = 1992 OR month = 3                        | 16 | Or",
      "year IN (1990, 1994)                            | 24 | Or",
      "year IN (1990, 1991, 1992, 1993) AND month = 1  | 4  | And",
      "year BETWEEN 1991 AND 1993                      | 36 | And",
      // The OR implies year IN (1991, 1993) and month < 3 OR month = 12: the store is asked with their AND.
      "(year = 1991 AND month < 3) OR (year = 1993 AND month = 12) | 3 | And",
      "month IN (1, 2) AND year <> 1990                | 8  | And",
      "year * 100 + month >= 199311                    | 14 | All",
      "CAST(year AS VARCHAR) = '1992'                  | 12 | All",
      "year = 1992 AND month * 2 > 20                  | 2  | Compare",
      "year > 2000                                     | 0  | Compare",
  })
  void prunesExactlyAndAsksTheStoreWithTheFilter(String predicate, int kept, String filterKind) {
    PlanNode plan = new QueryPlanner(store, new TableStatistics(store, LocalFileSystem.INSTANCE), allocator)
        .plan("SELECT amount FROM sales WHERE " + predicate, "default", List.of()).plan();
    TableScanNode scan = findScan(plan);
    assertThat(scan.partitions()).hasSize(kept);
    assertThat(scan.partitionsTotal()).isEqualTo(60);
    PartitionFilter asked = store.filters.get(store.filters.size() - 1);
    assertThat(asked.getClass().getSimpleName()).isEqualTo(filterKind);
  }

  private static TableScanNode findScan(PlanNode node) {
    if (node instanceof TableScanNode scan) {
      return scan;
    }
    for (PlanNode input : node.inputs()) {
      TableScanNode scan = findScan(input);
      if (scan != null) {
        return scan;
      }
    }
    return null;
  }
}
