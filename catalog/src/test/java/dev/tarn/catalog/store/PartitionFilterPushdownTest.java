package dev.tarn.catalog.store;

import static dev.tarn.catalog.store.StoreFixtures.partition;
import static dev.tarn.catalog.store.StoreFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.PartitionFilter.And;
import dev.tarn.catalog.store.PartitionFilter.Compare;
import dev.tarn.catalog.store.PartitionFilter.In;
import dev.tarn.catalog.store.PartitionFilter.IsNull;
import dev.tarn.catalog.store.PartitionFilter.Op;
import dev.tarn.catalog.store.PartitionFilter.Or;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's SQL evaluation of {@link PartitionFilter} against a plain Java evaluation over the full partition list
 * (the oracle), and the query plan for a large table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionFilterPushdownTest {

  private static final int YEAR = 0;
  private static final int REGION = 1;
  private static final int DAY = 2;

  private SqliteCatalogStore store;
  private List<Partition> everything;

  @BeforeAll
  void createPartitions(@TempDir Path folder) {
    store = SqliteCatalogStore.open(folder.resolve("catalog.db"));
    store.createDatabase(Database.named("db"), false);
    Table t = table("db", "sales",
        List.of(Column.of("year", "int"), Column.of("region", "string"), Column.of("day", "date")));
    store.createTable(t, false);
    List<Partition> partitions = new ArrayList<>();
    String[] regions = {"ap", "eu", "us", "Eu"};
    for (int year = 1998; year <= 2012; year += 2) {
      for (int r = 0; r <= regions.length; r++) {
        for (int d = 0; d < 3; d++) {
          String region = r == regions.length ? null : regions[r];
          String day = d == 2 && year % 4 == 0 ? null : LocalDate.of(year, 1 + d * 5, 9 + d).toString();
          partitions.add(partition(t, Arrays.asList(Integer.toString(year), region, day)));
        }
      }
    }
    partitions.add(partition(t, Arrays.asList(null, "eu", "2000-01-01")));
    store.addPartitions("db", "sales", partitions, false);
    everything = store.listPartitions("db", "sales", PartitionFilter.ALL);
    assertThat(everything).hasSize(partitions.size());
  }

  @AfterAll
  void closeStore() {
    store.close();
  }

  static Stream<PartitionFilter> filters() {
    List<PartitionFilter> filters = new ArrayList<>();
    for (Op op : Op.values()) {
      filters.add(new Compare(YEAR, op, 2004L));
      filters.add(new Compare(REGION, op, "eu"));
      filters.add(new Compare(DAY, op, "2004-06-10"));
    }
    filters.add(new Compare(YEAR, Op.GT, 998L)); // numeric, not text, comparison
    filters.add(new Compare(YEAR, Op.EQ, "2006")); // a string literal on an int key is converted
    filters.add(new Compare(DAY, Op.LT, LocalDate.of(2002, 1, 1)));
    filters.add(new In(YEAR, List.of(1998L, 2010L, 1234L)));
    filters.add(new In(REGION, List.of("Eu", "ap")));
    filters.add(new In(DAY, List.of("2000-01-09", "2012-06-10")));
    filters.add(new In(REGION, List.of()));
    for (int key = 0; key < 3; key++) {
      filters.add(new IsNull(key, false));
      filters.add(new IsNull(key, true));
    }
    filters.add(new And(List.of(new Compare(YEAR, Op.GE, 2000L), new Compare(YEAR, Op.LT, 2008L),
        new Compare(REGION, Op.EQ, "us"))));
    filters.add(new Or(List.of(new Compare(YEAR, Op.EQ, 1998L), new IsNull(REGION, false))));
    filters.add(new Or(List.of(new And(List.of(new Compare(YEAR, Op.LE, 2002L), new IsNull(DAY, true))),
        new And(List.of(new In(REGION, List.of("us")), new Compare(DAY, Op.GT, "2010-01-01"))))));
    filters.add(new And(List.of()));
    filters.add(new Or(List.of()));
    filters.add(PartitionFilter.ALL);
    return filters.stream();
  }

  @ParameterizedTest
  @MethodSource("filters")
  void storeFilterMatchesJavaFilterOverAllPartitions(PartitionFilter filter) {
    List<List<String>> expected = everything.stream().filter(p -> matches(filter, p.values()))
        .map(Partition::values).toList();
    List<List<String>> actual = store.listPartitions("db", "sales", filter).stream().map(Partition::values).toList();
    assertThat(actual).isEqualTo(expected); // same partitions, same typed order
  }

  @Test
  void filtersOnUnknownKeysOrBadLiteralsAreRejected() {
    assertThatThrownBy(() -> store.listPartitions("db", "sales", new Compare(7, Op.EQ, 1L)))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT));
    assertThatThrownBy(() -> store.listPartitions("db", "sales", new Compare(YEAR, Op.EQ, "abc")))
        .isInstanceOfSatisfying(CatalogException.class,
            e -> assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT));
  }

  @Test
  void aSelectiveFilterOnTwentyThousandPartitionsUsesTheValueIndex() {
    store.createDatabase(Database.named("big"), false);
    Table t = table("big", "events", List.of(Column.of("day", "int"), Column.of("hour", "int")));
    store.createTable(t, false);
    List<Partition> partitions = new ArrayList<>(20_000);
    for (int day = 0; day < 1000; day++) {
      for (int hour = 0; hour < 20; hour++) {
        partitions.add(partition(t, List.of(Integer.toString(day), Integer.toString(hour))));
      }
    }
    assertThat(store.addPartitions("big", "events", partitions, false)).isEqualTo(20_000);

    PartitionFilter filter = new And(List.of(new Compare(0, Op.GE, 500L), new Compare(0, Op.LT, 502L),
        new In(1, List.of(3L, 4L))));
    List<Partition> found = store.listPartitions("big", "events", filter);
    assertThat(found).extracting(Partition::values)
        .containsExactly(List.of("500", "3"), List.of("500", "4"), List.of("501", "3"), List.of("501", "4"));

    String plan = store.explainListPartitions("big", "events", filter);
    // The day range is one search of the (table_id, key_index, value) index; its partition ids drive the lookup
    // of partitions by primary key, so neither table is scanned.
    assertThat(plan)
        .contains("SEARCH partition_values USING COVERING INDEX partition_values_by_value"
            + " (table_id=? AND key_index=? AND value>? AND value<?)")
        .contains("SEARCH partition_values USING COVERING INDEX partition_values_by_value"
            + " (table_id=? AND key_index=? AND value=?)")
        .contains("SEARCH p USING INTEGER PRIMARY KEY (rowid=?)")
        .doesNotContain("SCAN");

    PartitionFilter either = new Or(List.of(new Compare(0, Op.EQ, 5L), new In(1, List.of(3L, 4L))));
    assertThat(store.explainListPartitions("big", "events", either)).contains("MULTI-INDEX OR").doesNotContain("SCAN");
  }

  /** The oracle: Glue semantics evaluated on the string values, with typed comparison. */
  private static boolean matches(PartitionFilter filter, List<String> values) {
    if (filter instanceof PartitionFilter.All) {
      return true;
    }
    if (filter instanceof And and) {
      return and.terms().stream().allMatch(t -> matches(t, values));
    }
    if (filter instanceof Or or) {
      return or.terms().stream().anyMatch(t -> matches(t, values));
    }
    if (filter instanceof IsNull isNull) {
      return (values.get(isNull.keyIndex()) == null) != isNull.negated();
    }
    if (filter instanceof In in) {
      return in.values().stream().anyMatch(v -> Objects.equals(compare(in.keyIndex(), values.get(in.keyIndex()), v), 0));
    }
    Compare compare = (Compare) filter;
    Integer order = compare(compare.keyIndex(), values.get(compare.keyIndex()), compare.value());
    if (order == null) {
      return false;
    }
    return switch (compare.op()) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    };
  }

  private static Integer compare(int key, String value, Object literal) {
    if (value == null) {
      return null;
    }
    if (key == YEAR) {
      return Long.compare(Long.parseLong(value), Long.parseLong(literal.toString()));
    }
    return value.compareTo(Objects.toString(literal));
  }
}
