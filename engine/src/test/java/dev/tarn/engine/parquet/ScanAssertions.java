package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** Reads a whole file through {@link ParquetFileScan} and checks every value and batch shape. */
final class ScanAssertions {

  private ScanAssertions() {}

  /** Reads {@code columns} of {@code path} and asserts each row equals the column's expected value. */
  static List<Integer> assertReadsExpected(Path path, List<ParquetTestFiles.TestColumn> columns, int rowCount,
      int batchSize, BufferAllocator allocator) {
    List<Field> fields = columns.stream().map(ParquetTestFiles.TestColumn::field).toList();
    List<Integer> batchSizes = new ArrayList<>();
    int row = 0;
    try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, path.toString(), fields, allocator,
        batchSize, new ScanStats("test"))) {
      for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
        try {
          assertThat(batch).hasSize(columns.size());
          int batchRows = batch.get(0).getValueCount();
          batchSizes.add(batchRows);
          assertThat(batchRows).isBetween(1, batchSize);
          for (int c = 0; c < columns.size(); c++) {
            FieldVector vector = batch.get(c);
            assertThat(vector.getValueCount()).isEqualTo(batchRows);
            assertThat(vector.getField().getType()).isEqualTo(columns.get(c).arrowType());
            for (int i = 0; i < batchRows; i++) {
              Object expected = columns.get(c).expected().apply(row + i);
              assertThat(ParquetTestFiles.value(vector, i))
                  .as("column %s row %d", columns.get(c).name(), row + i).isEqualTo(expected);
            }
          }
          row += batchRows;
        } finally {
          batch.forEach(FieldVector::close);
        }
      }
    }
    assertThat(row).isEqualTo(rowCount);
    return batchSizes;
  }
}
