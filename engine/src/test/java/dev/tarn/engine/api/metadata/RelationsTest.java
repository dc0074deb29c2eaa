package dev.tarn.engine.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.SqliteCatalogStore;
import dev.tarn.engine.sql.system.SystemTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relation listing over a real SQLite catalog store: catalog tables, views and the engine's own tables. */
class RelationsTest {

  @TempDir
  Path directory;
  private CatalogStore store;
  private Relations relations;

  @BeforeEach
  void createCatalog() {
    store = SqliteCatalogStore.open(directory.resolve("catalog.db"));
    store.createDatabase(Database.named("shop"), false);
    store.createDatabase(Database.named("system"), false);
    Table sales = Table.external("shop", "sales", List.of(new Column("id", "bigint", "the id", null),
        Column.of("amount", "decimal(10,2)")), List.of(Column.of("day", "date")),
        directory.resolve("sales").toString(), StorageFormat.PARQUET, Map.of());
    store.createTable(sales, false);
    store.createTable(new Table("recent", "shop", "the last week", null, null, null, sales.storageDescriptor(),
        List.of(), Table.VIRTUAL_VIEW, Map.of()), false);
    store.createTable(new Table("managed", "shop", null, null, null, null, sales.storageDescriptor(), List.of(),
        "MANAGED_TABLE", Map.of()), false);
    store.createTable(Table.external("system", "shadowed", List.of(Column.of("x", "int")), List.of(),
        directory.resolve("x").toString(), StorageFormat.PARQUET, Map.of()), false);
    relations = new Relations(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void schemasAreTheDatabasesAndTheSystemSchemasOnceEach() {
    assertThat(relations.schemas(null)).containsExactly("information_schema", "shop", "system");
    assertThat(relations.schemas("S%")).containsExactly("shop", "system");
  }

  @Test
  void catalogTablesHaveTheirGlueTypeAndSystemTablesAreSystemTables() {
    assertThat(relations.all()).extracting(relation -> relation.schema() + "." + relation.name() + ":"
        + relation.type()).containsExactly(
            "information_schema.columns:SYSTEM TABLE", "information_schema.schemata:SYSTEM TABLE",
            "information_schema.tables:SYSTEM TABLE", "information_schema.views:SYSTEM TABLE",
            "shop.managed:TABLE", "shop.recent:VIEW", "shop.sales:EXTERNAL TABLE", "system.queries:SYSTEM TABLE");
    assertThat(relations.all()).hasSize(SystemTables.all().size() + 3);
  }

  @Test
  void columnsAreDataColumnsThenPartitionKeysWithTheirHiveTypes() {
    Relation sales = relations.matching("shop", "SALES").get(0);
    assertThat(sales.columns()).containsExactly(
        new RelationColumn("id", "bigint", "the id", 1, false),
        new RelationColumn("amount", "decimal(10,2)", null, 2, false),
        new RelationColumn("day", "date", null, 3, true));
    Relation queries = relations.matching("system", "queries").get(0);
    assertThat(queries.remarks()).isEqualTo("The running and recent queries of the warehouse");
    assertThat(queries.columns()).extracting(RelationColumn::name)
        .containsExactlyElementsOf(SystemTables.find("system.queries").orElseThrow().columns().stream()
            .map(SystemTables.Column::name).toList());
    assertThat(relations.matching("shop", "recent").get(0).remarks()).isEqualTo("the last week");
  }

  @Test
  void askingForTableAlsoGivesExternalTablesOrderedByTypeThenName() {
    assertThat(relations.tables(null, null, List.of("table", "VIEW"))).extracting(Relation::name)
        .containsExactly("sales", "managed", "recent");
    assertThat(relations.tables("shop", "%", List.of("EXTERNAL TABLE"))).extracting(Relation::name)
        .containsExactly("sales");
    assertThat(relations.tables("%", "%", List.of(TableTypes.SYSTEM_TABLE))).hasSize(SystemTables.all().size());
    assertThat(relations.tables("shop", "%", List.of())).hasSize(3);
  }

  @Test
  void onlyTarnsOneCatalogIsSelected() {
    assertThat(Relations.isCatalog(null)).isTrue();
    assertThat(Relations.isCatalog("TARN")).isTrue();
    assertThat(Relations.isCatalog("other")).isFalse();
  }
}
