package dev.tarn.engine.sql.stats;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.PartitionValues;
import dev.tarn.engine.exec.scan.DataFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Row counts of tables for the optimizer (join order, build sides), taken from the Parquet footers of their
 * files. A footer is read once per file version (path, length, modification time) and remembered, so planning a
 * query lists the table's folders but reads no data. Unreadable files count as empty here; the scan reports them.
 */
public final class TableStatistics {

  private record FileVersion(String location, long length, long lastModified) {}

  private final CatalogStore store;
  private final FileSystem fileSystem;
  private final ConcurrentHashMap<FileVersion, Long> rowsByFile = new ConcurrentHashMap<>();

  public TableStatistics(CatalogStore store, FileSystem fileSystem) {
    this.store = store;
    this.fileSystem = fileSystem;
  }

  /** The number of rows in the table's files, or null when it cannot be known (e.g. a non-Parquet table). */
  public Double rowCount(Table table) {
    List<String> locations = new ArrayList<>();
    if (table.isPartitioned()) {
      for (Partition partition : store.listPartitions(table.databaseName(), table.name(), PartitionFilter.ALL)) {
        locations.add(PartitionValues.location(table, partition));
      }
    } else {
      locations.add(table.storageDescriptor().location());
    }
    long rows = 0;
    try {
      for (String location : locations) {
        rows += rowsUnder(location);
      }
    } catch (IOException e) {
      return null;
    }
    return (double) rows;
  }

  private long rowsUnder(String location) throws IOException {
    long rows = 0;
    for (FileSystem.FileEntry file : DataFiles.entries(fileSystem, location)) {
      rows += rowsByFile.computeIfAbsent(new FileVersion(file.location(), file.length(), file.lastModifiedMillis()),
          this::footerRows);
    }
    return rows;
  }

  private long footerRows(FileVersion file) {
    try {
      long rows = 0;
      for (BlockMetaData block : ParquetFooters.read(fileSystem, file.location()).getBlocks()) {
        rows += block.getRowCount();
      }
      return rows;
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
  }
}
