package dev.tarn.catalog.ddl;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code MSCK REPAIR TABLE}: finds {@code key=value} folders under the table location that follow the partition keys
 * in order and adds the ones the catalog lacks. Like Athena it never removes partitions; folders whose value does
 * not fit the key type are reported, not fatal. Output rows follow Hive's wording.
 */
final class PartitionRepair {

  /** The one column of the repair report. */
  static final List<String> RESULT_COLUMNS = List.of("result");

  private final CatalogStore store;
  private final FileSystem fileSystem;

  PartitionRepair(CatalogStore store, FileSystem fileSystem) {
    this.store = store;
    this.fileSystem = fileSystem;
  }

  private record Found(List<String> values, String location, String path) {}

  DdlResult repair(Table table) {
    String qualified = table.databaseName() + "." + table.name();
    if (!table.isPartitioned()) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, qualified, "Table is not partitioned");
    }
    List<Found> found = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    walk(table, table.storageDescriptor().location(), 0, new ArrayList<>(), new ArrayList<>(), found, invalid);

    Set<List<String>> known = new HashSet<>();
    store.listPartitions(table.databaseName(), table.name(), PartitionFilter.ALL).forEach(p -> known.add(p.values()));
    List<Partition> missing = new ArrayList<>();
    List<String> missingPaths = new ArrayList<>();
    for (Found partition : found) {
      if (known.add(partition.values())) {
        missing.add(new Partition(partition.values(), table.databaseName(), table.name(), null,
            table.storageDescriptor().withLocation(partition.location()), Map.of()));
        missingPaths.add(partition.path());
      }
    }
    int added = store.addPartitions(table.databaseName(), table.name(), missing, true);
    List<List<String>> rows = new ArrayList<>();
    missingPaths.forEach(path -> rows.add(List.of("Partitions not in metastore:\t" + table.name() + ":" + path)));
    invalid.forEach(reason -> rows.add(List.of("Partitions invalid:\t" + table.name() + ":" + reason)));
    missingPaths.forEach(path -> rows.add(List.of("Repair: Added partition to metastore " + table.name() + ":" + path)));
    String message = added == 0 ? "No partitions to add to " + qualified : "Added " + added + " partitions to " + qualified;
    return new DdlResult(RESULT_COLUMNS, rows, message, added, null);
  }

  private void walk(Table table, String folder, int level, List<String> values, List<String> folders,
      List<Found> found, List<String> invalid) {
    List<Column> keys = table.partitionKeys();
    if (level == keys.size()) {
      String path = String.join("/", folders);
      // Not List.copyOf: Hive's default partition has a null value.
      found.add(new Found(java.util.Collections.unmodifiableList(new ArrayList<>(values)), fileSystem.child(table.storageDescriptor().location(), path), path));
      return;
    }
    Column key = keys.get(level);
    HiveType type = HiveType.parse(key.type());
    List<FileSystem.FileEntry> entries;
    try {
      entries = fileSystem.list(folder);
    } catch (IOException e) {
      throw new CatalogException(CatalogException.Code.IO_FAILURE, folder, "Cannot list " + folder + ": " + e.getMessage(), e);
    }
    for (FileSystem.FileEntry entry : entries) {
      int equals = entry.name().indexOf('=');
      if (!entry.directory() || equals <= 0 || !entry.name().substring(0, equals).equalsIgnoreCase(key.name())) {
        continue; // not a folder of this key: data files, _temporary, other layouts
      }
      String raw = PartitionValues.fromFolderValue(entry.name().substring(equals + 1));
      List<String> nextFolders = new ArrayList<>(folders);
      nextFolders.add(entry.name());
      if (!PartitionValues.fits(type, raw)) {
        invalid.add(String.join("/", nextFolders));
        continue;
      }
      List<String> nextValues = new ArrayList<>(values);
      nextValues.add(PartitionValues.normalize(type, raw, key.name()));
      walk(table, fileSystem.child(folder, entry.name()), level + 1, nextValues, nextFolders, found, invalid);
    }
  }
}
