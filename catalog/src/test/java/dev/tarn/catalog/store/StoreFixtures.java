package dev.tarn.catalog.store;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.StorageDescriptor;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import java.util.List;
import java.util.Map;

/** Small builders of tables and partitions shared by the store tests. */
final class StoreFixtures {

  private StoreFixtures() {}

  static Table table(String database, String name, List<Column> keys) {
    return Table.external(database, name, List.of(Column.of("id", "bigint"), new Column("note", "string", "free text", null)),
        keys, "/data/" + name, StorageFormat.PARQUET, Map.of("owner_team", "lake"));
  }

  static Partition partition(Table table, List<String> values) {
    String suffix = String.join("/", values.stream().map(String::valueOf).toList());
    StorageDescriptor sd = table.storageDescriptor().withLocation(table.storageDescriptor().location() + "/" + suffix);
    return new Partition(values, table.databaseName(), table.name(), null, sd, Map.of());
  }
}
