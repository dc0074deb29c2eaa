package dev.tarn.engine.exec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;

/** The work of one query: the stats of each of its scans, and their totals (as Athena reports per query). */
public final class QueryStats {

  private final List<ScanStats> scans = new CopyOnWriteArrayList<>();

  /** Registers the stats of a new scan of {@code table}. */
  public ScanStats newScan(String table) {
    ScanStats scan = new ScanStats(table);
    scans.add(scan);
    return scan;
  }

  /** Every scan of the query, in the order they were created. */
  public List<ScanStats> scans() {
    return List.copyOf(scans);
  }

  /** The sum of one counter over all scans, e.g. {@code total(s -> s.bytesScanned)}. */
  public long total(Function<ScanStats, AtomicLong> counter) {
    long sum = 0;
    for (ScanStats scan : scans) {
      sum += counter.apply(scan).get();
    }
    return sum;
  }

  public long bytesScanned() {
    return total(scan -> scan.bytesScanned);
  }
}
