package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A footer is parsed once per file version, a rewritten file is read again, and a cached footer counts the same bytes
 * as scanned as reading it does.
 */
class FooterCacheTest {

  @TempDir Path folder;

  @Test
  void footersAreReadOncePerFileVersionAndAlwaysCountTheirBytes() throws Exception {
    Path file = folder.resolve("data.parquet");
    ParquetTestFiles.duckDb("COPY (SELECT range AS id FROM range(1000)) TO '" + file + "' (FORMAT PARQUET)");
    FooterCache cache = new FooterCache(16);

    ScanStats first = new ScanStats("t");
    ParquetMetadata read = cache.footer(LocalFileSystem.INSTANCE, entry(file), first);
    ScanStats second = new ScanStats("t");
    ParquetMetadata cached = cache.footer(LocalFileSystem.INSTANCE, entry(file), second);
    assertThat(cached).isSameAs(read);
    assertThat(first.bytesScanned.get()).isPositive().isEqualTo(second.bytesScanned.get());
    ScanStats uncached = new ScanStats("t");
    ParquetFileScan.readFooter(LocalFileSystem.INSTANCE, file.toString(), uncached);
    assertThat(second.bytesScanned.get()).isEqualTo(uncached.bytesScanned.get());

    // The file is rewritten: another length and modification time make it another version.
    ParquetTestFiles.duckDb("COPY (SELECT range AS id FROM range(5000)) TO '" + file + "' (FORMAT PARQUET)");
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
    ParquetMetadata rewritten = cache.footer(LocalFileSystem.INSTANCE, entry(file), new ScanStats("t"));
    assertThat(rewritten).isNotSameAs(read);
    assertThat(rewritten.getBlocks().get(0).getRowCount()).isEqualTo(5000);
  }

  @Test
  void aCacheOfNoEntriesReadsEveryTime() throws Exception {
    Path file = folder.resolve("data.parquet");
    ParquetTestFiles.duckDb("COPY (SELECT range AS id FROM range(10)) TO '" + file + "' (FORMAT PARQUET)");
    FooterCache none = FooterCache.none();
    ParquetMetadata first = none.footer(LocalFileSystem.INSTANCE, entry(file), new ScanStats("t"));
    assertThat(none.footer(LocalFileSystem.INSTANCE, entry(file), new ScanStats("t"))).isNotSameAs(first);
  }

  private static FileSystem.FileEntry entry(Path file) throws Exception {
    return new FileSystem.FileEntry(file.toString(), file.getFileName().toString(), false, Files.size(file),
        Files.getLastModifiedTime(file).toMillis());
  }
}
