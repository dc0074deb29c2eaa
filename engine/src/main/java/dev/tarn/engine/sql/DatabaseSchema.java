package dev.tarn.engine.sql;

import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.sql.stats.TableStatistics;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One catalog database as a Calcite schema. Tables are looked up one by one in the store when the validator
 * asks for them, so planning a query never loads the whole catalog.
 */
public final class DatabaseSchema extends AbstractSchema {

  private final CatalogStore store;
  private final TableStatistics statistics;
  private final String database;

  public DatabaseSchema(CatalogStore store, TableStatistics statistics, String database) {
    this.store = store;
    this.statistics = statistics;
    this.database = database;
  }

  @Override
  public Lookup<org.apache.calcite.schema.Table> tables() {
    return new Lookup<>() {
      @Override
      public org.apache.calcite.schema.Table get(String name) {
        return find(name).orElse(null);
      }

      @Override
      public Named<org.apache.calcite.schema.Table> getIgnoreCase(String name) {
        return find(name).map(table -> new Named<org.apache.calcite.schema.Table>(
            name.toLowerCase(Locale.ROOT), table)).orElse(null);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> names = new LinkedHashSet<>();
        for (Table table : store.listTables(database)) {
          if (pattern.matcher().apply(table.name())) {
            names.add(table.name());
          }
        }
        return names;
      }
    };
  }

  private Optional<org.apache.calcite.schema.Table> find(String name) {
    return store.getTable(database, name.toLowerCase(Locale.ROOT)).map(table -> new CatalogTable(table, statistics));
  }
}
