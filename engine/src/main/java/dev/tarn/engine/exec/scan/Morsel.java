package dev.tarn.engine.exec.scan;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The unit of work a scan copy takes from its {@link SplitSource}: one data file of a partition that survived
 * pruning, or, for a large file read by several copies, a run of its row groups.
 *
 * @param partition the partition the file belongs to (its values fill the partition columns)
 * @param file the data file, as listed (its length and modification time identify its version)
 * @param piece the row groups to read, or null for the whole file
 */
record Morsel(PartitionSplit partition, FileSystem.FileEntry file, Piece piece) {

  String location() {
    return file.location();
  }

  /**
   * Row groups {@code [firstRowGroup, endRowGroup)} of a file whose footer the split source read once for all its
   * pieces; {@code fileScanned} is shared by the pieces, so the file counts once as scanned.
   */
  record Piece(ParquetMetadata footer, int firstRowGroup, int endRowGroup, AtomicBoolean fileScanned) {}
}
