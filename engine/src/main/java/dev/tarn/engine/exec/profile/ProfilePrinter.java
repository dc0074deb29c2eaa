package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders EXPLAIN ANALYZE: the plan tree as EXPLAIN prints it, each node followed by an indented line of what its
 * operator did, and for scans a line of pruning counts per stage. Times are the operator's own (its inputs'
 * subtracted), so on one thread they add up to the query's. A node of a parallel fragment shows {@code copies=N}:
 * its times are summed over its N copies' threads; the node consuming such a fragment counts its waiting as its own
 * wall time.
 */
public final class ProfilePrinter {
  private ProfilePrinter() {}

  /** One output line per element. */
  public static List<String> print(PlanNode root, QueryProfile profile) {
    List<String> lines = new ArrayList<>();
    print(root, profile, 0, lines);
    return lines;
  }

  private static void print(PlanNode node, QueryProfile profile, int depth, List<String> lines) {
    String indent = "  ".repeat(depth);
    lines.add(indent + node.describe());
    OperatorProfile own = profile.profile(node);
    if (own != null) {
      long wall = own.wallNanos();
      long cpu = own.cpuNanos();
      for (PlanNode input : node.inputs()) {
        OperatorProfile child = profile.profile(input);
        // An input run by other threads (a parallel fragment under this node's exchange) is not inside this node's
        // times: its CPU was spent elsewhere, and waiting for it counts here as this node's wall time.
        if (child != null && child.copies() == own.copies()) {
          wall -= child.wallNanos();
          cpu -= child.cpuNanos();
        }
      }
      String copies = own.copies() > 1 ? " copies=" + own.copies() : "";
      lines.add(indent + "    rows=" + own.rows() + " batches=" + own.batches() + copies + " wall="
          + millis(Math.max(0, wall)) + " cpu=" + millis(Math.max(0, cpu)) + " peak batch="
          + bytes(own.largestBatchBytes()));
      for (ScanStats scan : own.scans()) {
        lines.add(indent + "    " + scanLine(scan));
      }
    }
    for (PlanNode input : node.inputs()) {
      print(input, profile, depth + 1, lines);
    }
  }

  /** Every pruning stage of one scan, from partitions down to pages, and the bytes it read. */
  static String scanLine(ScanStats scan) {
    return "partitions " + scan.partitionsScanned.get() + "/" + scan.partitionsTotal.get()
        + ", files " + scan.filesScanned.get() + "/" + scan.filesTotal.get()
        + ", row groups " + scan.rowGroupsScanned.get() + "/" + scan.rowGroupsTotal.get()
        + " (pruned by statistics " + scan.rowGroupsPrunedByStatistics.get()
        + ", dictionary " + scan.rowGroupsPrunedByDictionary.get()
        + ", bloom filter " + scan.rowGroupsPrunedByBloomFilter.get()
        + ", dynamic filter " + scan.prunedByDynamicFilter.get() + ")"
        + ", pages " + scan.pagesScanned.get() + " scanned/" + scan.pagesSkipped.get() + " skipped"
        + ", rows read " + scan.rowsScanned.get() + " (filtered in scan " + scan.rowsFilteredInScan.get() + ")"
        + ", bytes read " + bytes(scan.bytesScanned.get());
  }

  /** Milliseconds with three decimals, e.g. {@code 1.234 ms}. */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  /** A byte count in B, KB, MB or GB (powers of 1024), e.g. {@code 1.2 MB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
