package dev.tarn.engine.exec.footer;

import dev.tarn.engine.parquet.ColumnConversion;
import dev.tarn.engine.plan.AggregateNode.AggregateCall;
import dev.tarn.engine.plan.FooterAggregateNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import dev.tarn.engine.plan.TableScanNode.ScanColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Accumulates a {@link FooterAggregateNode}'s groups from footers, one file at a time: row counts, null counts and
 * exact min/max statistics for file columns, partition values for partition keys. Compares values as the hash
 * aggregate does (strings by unsigned UTF-8 bytes), so the extremes are the ones a full scan finds.
 */
public final class FooterAggregation {

  private final FooterAggregateNode node;
  private final Map<List<Object>, Group> groups = new LinkedHashMap<>();

  public FooterAggregation(FooterAggregateNode node) {
    this.node = node;
  }

  /** One group's running counts and extremes, one slot per aggregate call. */
  private static final class Group {
    long rows;
    final long[] counts;
    final Object[] extremes;

    Group(int calls) {
      counts = new long[calls];
      extremes = new Object[calls];
    }
  }

  /**
   * Adds one file of {@code partition}; false when its statistics cannot answer every call exactly, or when the
   * scan could not read one of the columns as the table's type (then the fallback plan reports the mismatch).
   */
  public boolean add(PartitionSplit partition, FooterFile footer) {
    List<AggregateCall> calls = node.aggregates();
    int[] leaves = new int[calls.size()];
    for (int call = 0; call < calls.size(); call++) {
      leaves[call] = -1;
      if (!calls.get(call).arguments().isEmpty()) {
        ScanColumn column = node.column(calls.get(call).arguments().get(0));
        if (!column.fromPartition()) {
          leaves[call] = footer.columnIndex(column.field().getName());
          if (leaves[call] < 0) {
            return false; // absent or nested in this file: let the scan decide what that means
          }
          if (!ColumnConversion.readable(footer.type(leaves[call]), column.field().getType())) {
            return false; // the scan fails with SCHEMA_MISMATCH, so must this query; a count would hide it
          }
        }
      }
    }
    Group group = null;
    for (int rowGroup = 0; rowGroup < footer.rowGroupCount(); rowGroup++) {
      long rows = footer.rowCount(rowGroup);
      if (rows == 0) {
        continue;
      }
      if (group == null) {
        group = group(partition);
      }
      group.rows += rows;
      for (int call = 0; call < calls.size(); call++) {
        if (!addCall(calls.get(call), call, leaves[call], partition, footer, rowGroup, rows, group)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean addCall(AggregateCall call, int slot, int leaf, PartitionSplit partition, FooterFile footer,
      int rowGroup, long rows, Group group) {
    boolean count = call.function().equals("count");
    if (call.arguments().isEmpty()) {
      group.counts[slot] += rows;
      return true;
    }
    ScanColumn column = node.column(call.arguments().get(0));
    if (column.fromPartition()) {
      Object value = partition.values().get(column.partitionKeyIndex());
      if (value != null) {
        group.counts[slot] += rows;
        group.extremes[slot] = extreme(call, group.extremes[slot], value);
      }
      return true;
    }
    PrimitiveType fileType = footer.type(leaf);
    Statistics statistics = footer.statistics(rowGroup, leaf);
    long nulls = StatisticsValues.nullCount(statistics, fileType);
    if (nulls < 0 || nulls > rows) {
      return false;
    }
    if (count) {
      group.counts[slot] += rows - nulls;
      return true;
    }
    if (nulls == rows) {
      return true; // only NULLs: no candidate extreme
    }
    ArrowType type = column.field().getType();
    Object value = call.function().equals("min")
        ? StatisticsValues.minimum(statistics, fileType, type)
        : StatisticsValues.maximum(statistics, fileType, type);
    if (value == null) {
      return false;
    }
    group.extremes[slot] = extreme(call, group.extremes[slot], value);
    return true;
  }

  private Group group(PartitionSplit partition) {
    List<Object> key = new ArrayList<>(node.groupKeys().size());
    for (int index : node.groupKeys()) {
      key.add(partition.values().get(node.column(index).partitionKeyIndex()));
    }
    return groups.computeIfAbsent(key, k -> new Group(node.aggregates().size()));
  }

  private static Object extreme(AggregateCall call, Object current, Object candidate) {
    if (current == null) {
      return candidate;
    }
    int sign = compare(candidate, current);
    return call.function().equals("min") ? (sign < 0 ? candidate : current) : (sign > 0 ? candidate : current);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) {
    if (left instanceof String a && right instanceof String b) {
      return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
    return ((Comparable) left).compareTo(right);
  }

  /** The result rows: group keys then one value per call; a global aggregate always has exactly one row. */
  public List<List<Object>> rows() {
    if (groups.isEmpty() && node.groupKeys().isEmpty()) {
      groups.put(List.of(), new Group(node.aggregates().size()));
    }
    List<List<Object>> rows = new ArrayList<>(groups.size());
    for (Map.Entry<List<Object>, Group> entry : groups.entrySet()) {
      List<Object> row = new ArrayList<>(entry.getKey());
      Group group = entry.getValue();
      for (int call = 0; call < node.aggregates().size(); call++) {
        row.add(node.aggregates().get(call).function().equals("count") ? group.counts[call] : group.extremes[call]);
      }
      rows.add(row);
    }
    return rows;
  }
}
