package dev.tarn.engine.sql.stats;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import dev.tarn.engine.exec.scan.DataFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row counts and column estimates of tables for the optimizer (join order, build sides), taken from the Parquet
 * footers of their files and, for partition keys, from the catalog's partitions. A footer is read once per file
 * version (path, length, modification time) and its summary remembered, so planning a query lists the table's
 * folders but reads no data. Unreadable files count as empty here; the scan reports them.
 */
public final class TableStatistics {

  private record FileVersion(String location, long length, long lastModified) {}

  /** A table's profile, for as long as its definition is unchanged and it is younger than the time to live. */
  private record CachedProfile(Table definition, TableProfile profile, long computedNanos) {}

  /**
   * How long a table's profile serves planning before its folders are listed again. Planning would otherwise list
   * every partition's folder for every query (most of a TPC-H query's planning time). Estimates may be this stale
   * when files change behind the catalog's back; DDL through the engine drops them at once ({@link #invalidate}).
   * Results never depend on them: scans list files when they run.
   */
  public static final Duration PROFILE_TIME_TO_LIVE = Duration.ofSeconds(60);

  private final CatalogStore store;
  private final FileSystem fileSystem;
  private final ConcurrentHashMap<FileVersion, FileStatistics> filesByVersion = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<List<String>, CachedProfile> profiles = new ConcurrentHashMap<>();

  public TableStatistics(CatalogStore store, FileSystem fileSystem) {
    this.store = store;
    this.fileSystem = fileSystem;
  }

  /** Forgets every table's profile: the catalog changed (tables, partitions, locations). */
  public void invalidate() {
    profiles.clear();
  }

  /**
   * The table's row count and column estimates, or null when they cannot be known (e.g. unlistable folders);
   * remembered for {@link #PROFILE_TIME_TO_LIVE} while the table's definition is unchanged.
   */
  public TableProfile profile(Table table) {
    List<String> key = List.of(table.databaseName(), table.name());
    CachedProfile cached = profiles.get(key);
    long now = System.nanoTime();
    if (cached != null && cached.definition().equals(table)
        && now - cached.computedNanos() < PROFILE_TIME_TO_LIVE.toNanos()) {
      return cached.profile();
    }
    TableProfile profile = compute(table);
    if (profile != null) {
      profiles.put(key, new CachedProfile(table, profile, now));
    }
    return profile;
  }

  private TableProfile compute(Table table) {
    List<Column> dataColumns = table.storageDescriptor().columns();
    List<DataColumnCombiner> combiners = new ArrayList<>();
    for (Column column : dataColumns) {
      combiners.add(new DataColumnCombiner(column));
    }
    List<Partition> partitions = table.isPartitioned()
        ? store.listPartitions(table.databaseName(), table.name(), PartitionFilter.ALL) : List.of();
    List<Long> rowsByPartition = new ArrayList<>();
    long rows = 0;
    try {
      List<String> locations = new ArrayList<>();
      if (table.isPartitioned()) {
        partitions.forEach(partition -> locations.add(PartitionValues.location(table, partition)));
      } else {
        locations.add(table.storageDescriptor().location());
      }
      for (String location : locations) {
        long locationRows = 0;
        for (FileSystem.FileEntry file : DataFiles.entries(fileSystem, location)) {
          FileStatistics statistics = filesByVersion.computeIfAbsent(
              new FileVersion(file.location(), file.length(), file.lastModifiedMillis()), this::summarize);
          locationRows += statistics.rowCount();
          combiners.forEach(combiner -> combiner.add(statistics));
        }
        rowsByPartition.add(locationRows);
        rows += locationRows;
      }
    } catch (IOException e) {
      return null;
    }
    Map<String, ColumnStatistics> columns = new HashMap<>();
    combiners.forEach(combiner -> columns.put(combiner.name(), combiner.statistics()));
    List<Column> keys = table.partitionKeys();
    for (int key = 0; key < keys.size(); key++) {
      columns.put(keys.get(key).name().toLowerCase(Locale.ROOT),
          PartitionKeyStatistics.of(HiveType.parse(keys.get(key).type()), key, partitions, rowsByPartition));
    }
    return new TableProfile(rows, columns);
  }

  private FileStatistics summarize(FileVersion file) {
    try {
      return FileStatistics.of(ParquetFooters.read(fileSystem, file.location()));
    } catch (IOException | RuntimeException unreadable) {
      return FileStatistics.EMPTY;
    }
  }
}
