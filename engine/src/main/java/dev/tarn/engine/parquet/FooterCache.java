package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.ScanStats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Parsed Parquet footers of data files, kept per file version: a file is known by its location, length and
 * modification time as the listing reported them, so a rewritten file is read again. Parsing a footer (Thrift, then
 * parquet-java's metadata objects) cost a tenth of a short query's scan time when every query re-read every footer.
 * The footers are only read after parsing, so one instance is shared by all queries and threads of an engine.
 *
 * <p>A footer served from here still counts its bytes as scanned, so "data scanned" stays what the query needs from
 * storage, the same on a cold and a warm engine (and comparable with Athena, which reads every footer).
 */
public final class FooterCache {

  /** One cached footer, and how many bytes reading it took (magic, length, Thrift). */
  private record Entry(ParquetMetadata footer, long bytes) {}

  private record Key(String location, long length, long lastModifiedMillis) {}

  private final int capacity;
  private final Map<Key, Entry> entries;

  /** A cache of at most {@code capacity} footers (least recently used ones go first); 0 caches nothing. */
  public FooterCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > FooterCache.this.capacity;
      }
    };
  }

  /** No caching: every call reads the footer (single queries, tests). */
  public static FooterCache none() {
    return new FooterCache(0);
  }

  /** The footer of {@code file}, from the cache or read now; its bytes count in {@code stats} either way. */
  public ParquetMetadata footer(FileSystem fileSystem, FileSystem.FileEntry file, ScanStats stats) {
    Key key = new Key(file.location(), file.length(), file.lastModifiedMillis());
    Entry entry;
    synchronized (entries) {
      entry = capacity == 0 ? null : entries.get(key);
    }
    if (entry == null) {
      ScanStats reading = new ScanStats(stats.table());
      ParquetMetadata footer = ParquetFileScan.readFooter(fileSystem, file.location(), reading);
      entry = new Entry(footer, reading.bytesScanned.get());
      synchronized (entries) {
        if (capacity > 0) {
          entries.put(key, entry);
        }
      }
    }
    stats.bytesScanned.addAndGet(entry.bytes());
    return entry.footer();
  }
}
