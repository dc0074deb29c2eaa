package dev.tarn.catalog.crawler;

import dev.tarn.catalog.crawler.DatasetScanner.DataFile;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.fs.FileSystem.FileEntry;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Discovers Parquet tables and partitions under a location and records them in the catalog, like a Glue crawler
 * with {@code MergeNewColumns} and {@code CombineCompatibleSchemas}: one table per top-level folder (or one for the
 * location itself when data files sit directly in it), {@code key=value} folders as typed partition keys, other
 * folder levels as {@code partition_0, partition_1, ...}. Crawling again only adds new partitions and columns;
 * nothing is ever removed. Bad files are reported and skipped, never fatal.
 */
public final class Crawler {

  private static final String UNNAMED_KEY_PREFIX = "partition_";

  private final CatalogStore store;
  private final FileSystem fileSystem;

  /** A crawler that records into {@code store} what it finds through {@code fileSystem}. */
  public Crawler(CatalogStore store, FileSystem fileSystem) {
    this.store = store;
    this.fileSystem = fileSystem;
  }

  private record Dataset(String tableName, String folder, String relative) {}

  /**
   * Crawls {@code location} into {@code database} (created if missing) and reports what changed. Fails with
   * NOT_FOUND if the location does not exist and INVALID_INPUT if it holds more tables than the threshold.
   */
  public CrawlReport crawl(String location, String database, CrawlOptions options) {
    if (!fileSystem.exists(location)) {
      throw new CatalogException(CatalogException.Code.NOT_FOUND, location, "Crawl location does not exist");
    }
    String databaseName = database.toLowerCase(Locale.ROOT);
    CrawlReport.Builder report = new CrawlReport.Builder(location, databaseName);
    DatasetScanner scanner = new DatasetScanner(fileSystem, options.exclusions());
    List<Dataset> datasets = datasets(location, scanner, report);
    if (options.tableThreshold() > 0 && datasets.size() > options.tableThreshold()) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, location, "Found " + datasets.size()
          + " tables, more than the table threshold of " + options.tableThreshold());
    }
    if (store.getDatabase(databaseName).isEmpty() && store.createDatabase(Database.named(databaseName), true)) {
      report.databaseCreated();
    }
    for (Dataset dataset : datasets) {
      crawlDataset(databaseName, dataset, scanner, report);
    }
    return report.build();
  }

  /** Sanitizes a folder name into a table or column name: lower case, {@code [a-z0-9_]} only. */
  public static String sanitizeName(String folderName) {
    String name = folderName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return name.isEmpty() ? "_" : name;
  }

  private List<Dataset> datasets(String location, DatasetScanner scanner, CrawlReport.Builder report) {
    List<FileEntry> entries = scanner.visibleEntries(location, "");
    if (entries.stream().anyMatch(entry -> !entry.directory())) {
      // Data files at the root: the location itself is the one table, and its folders are partitions.
      return List.of(new Dataset(sanitizeName(lastSegment(location)), location, ""));
    }
    Map<String, Dataset> byName = new LinkedHashMap<>();
    for (FileEntry folder : entries) {
      String name = sanitizeName(folder.name());
      if (byName.containsKey(name)) {
        report.warn("folder " + folder.name() + " maps to table name " + name + " like "
            + byName.get(name).relative() + "; skipped it");
        continue;
      }
      byName.put(name, new Dataset(name, fileSystem.child(location, folder.name()), folder.name()));
    }
    return List.copyOf(byName.values());
  }

  private void crawlDataset(String database, Dataset dataset, DatasetScanner scanner, CrawlReport.Builder report) {
    String qualified = database + "." + dataset.tableName();
    List<DataFile> files = scanner.scan(dataset.folder(), dataset.relative());
    if (files.isEmpty()) {
      report.warn("no data files in " + dataset.folder() + "; no table " + qualified);
      return;
    }
    Optional<Table> existing = store.getTable(database, dataset.tableName());
    int depth = existing.map(t -> t.partitionKeys().size()).orElseGet(() -> mostCommonDepth(files));
    List<DataFile> atDepth = new ArrayList<>();
    for (DataFile file : files) {
      if (file.folders().size() == depth) {
        atDepth.add(file);
      } else {
        report.skipped(file.location(), "is " + file.folders().size() + " folders below " + dataset.folder()
            + " but the partitions of " + qualified + " are " + depth + " deep");
      }
    }
    List<Column> keys = existing.map(Table::partitionKeys).orElseGet(() -> inferKeys(atDepth, depth));

    Map<List<String>, List<String>> foldersByValues = new LinkedHashMap<>();
    SchemaMerge merge = new SchemaMerge(existing.map(t -> t.storageDescriptor().columns()).orElse(List.of()));
    Set<String> skippedFields = new LinkedHashSet<>();
    long recordCount = 0;
    int objectCount = 0;
    for (DataFile file : atDepth) {
      List<String> values;
      try {
        values = partitionValues(file.folders(), keys);
      } catch (CatalogException invalid) {
        report.skipped(file.location(), invalid.getMessage());
        continue;
      }
      ParquetMetadata footer;
      try {
        footer = ParquetFooters.read(fileSystem, file.location());
      } catch (IOException | RuntimeException unreadable) {
        report.skipped(file.location(), "unreadable Parquet: " + unreadable.getMessage());
        continue;
      }
      ParquetColumns.Inferred inferred = ParquetColumns.of(footer.getFileMetaData().getSchema());
      skippedFields.addAll(inferred.skippedFields());
      merge.add(inferred.columns(), file.location());
      recordCount += footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
      objectCount++;
      foldersByValues.putIfAbsent(values, file.folders());
    }
    skippedFields.forEach(field -> report.warn(qualified + ": skipped column " + field));
    merge.conflicts().forEach(conflict -> report.warn(qualified + ": " + conflict));
    if (objectCount == 0 && existing.isEmpty()) {
      report.warn("no readable Parquet files in " + dataset.folder() + "; no table " + qualified);
      return;
    }
    Set<String> keyNames = keys.stream().map(Column::name).collect(Collectors.toSet());
    List<Column> columns = new ArrayList<>();
    for (Column column : merge.columns()) {
      if (keyNames.contains(column.name())) {
        report.warn(qualified + ": data column " + column.name() + " has the name of a partition key; left out");
      } else {
        columns.add(column);
      }
    }
    Map<String, String> statistics = Map.of("recordCount", Long.toString(recordCount),
        "objectCount", Integer.toString(objectCount), "typeOfData", "file");
    Table table = existing.isPresent()
        ? updateTable(existing.get(), columns, statistics, report)
        : createTable(database, dataset, columns, keys, statistics, report);
    addNewPartitions(table, foldersByValues, dataset.folder(), report);
  }

  private Table createTable(String database, Dataset dataset, List<Column> columns, List<Column> keys,
      Map<String, String> statistics, CrawlReport.Builder report) {
    Table table = Table.external(database, dataset.tableName(), columns, keys, dataset.folder(), StorageFormat.PARQUET,
        statistics);
    if (store.createTable(table, true)) {
      report.tableCreated(database + "." + dataset.tableName());
    }
    return table;
  }

  private Table updateTable(Table table, List<Column> columns, Map<String, String> statistics,
      CrawlReport.Builder report) {
    Map<String, Column> before = table.storageDescriptor().columns().stream()
        .collect(Collectors.toMap(Column::name, Function.identity()));
    List<String> changes = new ArrayList<>();
    for (Column column : columns) {
      Column old = before.get(column.name());
      if (old == null) {
        changes.add(column.name() + " " + column.type());
      } else if (!old.type().equals(column.type())) {
        changes.add(column.name() + " " + column.type() + " (was " + old.type() + ")");
      }
    }
    Map<String, String> parameters = new HashMap<>(table.parameters());
    parameters.putAll(statistics);
    if (changes.isEmpty() && parameters.equals(table.parameters())) {
      return table;
    }
    Table updated = table.withStorageDescriptor(table.storageDescriptor().withColumns(columns)).withParameters(parameters);
    store.updateTable(updated);
    report.columnsAdded(table.databaseName() + "." + table.name(), changes);
    return updated;
  }

  private void addNewPartitions(Table table, Map<List<String>, List<String>> foldersByValues, String tableFolder,
      CrawlReport.Builder report) {
    if (!table.isPartitioned() || foldersByValues.isEmpty()) {
      return;
    }
    Set<List<String>> known = new HashSet<>();
    store.listPartitions(table.databaseName(), table.name(), PartitionFilter.ALL).forEach(p -> known.add(p.values()));
    List<String> keyNames = table.partitionKeys().stream().map(Column::name).toList();
    List<Partition> fresh = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    foldersByValues.forEach((values, folders) -> {
      if (!known.contains(values)) {
        String location = fileSystem.child(tableFolder, String.join("/", folders));
        fresh.add(new Partition(values, table.databaseName(), table.name(), null,
            table.storageDescriptor().withLocation(location), Map.of()));
        paths.add(PartitionValues.partitionPath(keyNames, values));
      }
    });
    store.addPartitions(table.databaseName(), table.name(), fresh, true);
    report.partitionsAdded(table.databaseName() + "." + table.name(), paths);
  }

  /** Key names per folder level: the shared {@code key} of {@code key=value} folders, else {@code partition_<level>}. */
  private static List<Column> inferKeys(List<DataFile> files, int depth) {
    List<Column> keys = new ArrayList<>();
    for (int level = 0; level < depth; level++) {
      Set<String> names = new HashSet<>();
      for (DataFile file : files) {
        String folder = file.folders().get(level);
        int equals = folder.indexOf('=');
        names.add(equals > 0 ? sanitizeName(folder.substring(0, equals)) : "");
      }
      String name = names.size() == 1 && !names.contains("") ? names.iterator().next() : UNNAMED_KEY_PREFIX + level;
      List<String> values = new ArrayList<>();
      for (DataFile file : files) {
        values.add(folderValue(file.folders().get(level), name));
      }
      keys.add(Column.of(name, PartitionKeyTypes.infer(values).toString()));
    }
    return keys;
  }

  /** The canonical values of a file's folders for {@code keys}; INVALID_INPUT if a folder does not fit its key. */
  private static List<String> partitionValues(List<String> folders, List<Column> keys) {
    List<String> values = new ArrayList<>();
    for (int level = 0; level < keys.size(); level++) {
      Column key = keys.get(level);
      String folder = folders.get(level);
      boolean matchesKey = isKeyValueFolder(folder, key.name());
      if (!matchesKey && !key.name().startsWith(UNNAMED_KEY_PREFIX)) {
        throw new CatalogException(CatalogException.Code.INVALID_INPUT, folder,
            "folder " + folder + " does not match partition key " + key.name());
      }
      String raw = folderValue(folder, key.name());
      values.add(PartitionValues.normalize(HiveType.parse(key.type()), raw, key.name()));
    }
    return values;
  }

  /** The value a folder gives {@code keyName}: the part after '=' of a matching key=value folder, else the name. */
  private static String folderValue(String folder, String keyName) {
    return PartitionValues.fromFolderValue(
        isKeyValueFolder(folder, keyName) ? folder.substring(folder.indexOf('=') + 1) : folder);
  }

  private static boolean isKeyValueFolder(String folder, String keyName) {
    int equals = folder.indexOf('=');
    return equals > 0 && sanitizeName(folder.substring(0, equals)).equals(keyName);
  }

  private static int mostCommonDepth(List<DataFile> files) {
    Map<Integer, Integer> counts = new HashMap<>();
    files.forEach(file -> counts.merge(file.folders().size(), 1, Integer::sum));
    // Ties go to the shallower depth so that stray nested files never invent partition levels.
    return counts.entrySet().stream()
        .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(b.getKey(), a.getKey())
            : Integer.compare(a.getValue(), b.getValue()))
        .orElseThrow().getKey();
  }

  private static String lastSegment(String location) {
    String trimmed = location.replaceAll("/+$", "");
    String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return segment.isEmpty() ? "root" : segment;
  }
}
