package dev.tarn.engine.plan;

import dev.tarn.engine.plan.expr.Expr;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads a table's data files. The planner has already pruned partitions: {@link #partitions()} holds only the
 * partitions that may match (for an unpartitioned table, one entry for the table's location). Each output column
 * comes either from the files (matched by name) or from the partition's values.
 *
 * @param table qualified table name, for messages and EXPLAIN
 * @param format the storage format's classification, e.g. {@code parquet}
 * @param columns the output columns, in order
 * @param partitions the partitions to read, after pruning
 * @param partitionsTotal the table's partition count before pruning (1 for an unpartitioned table)
 * @param filter a boolean predicate over the output columns that every row the query needs satisfies, used to
 *     skip row groups, pages and rows; a hint, not a contract (rows failing it may still be returned), or null
 */
public record TableScanNode(String table, String format, List<ScanColumn> columns, List<PartitionSplit> partitions,
    long partitionsTotal, Expr filter) implements PlanNode {

  public TableScanNode {
    columns = List.copyOf(columns);
    partitions = List.copyOf(partitions);
  }

  /** A scan without a filter. */
  public TableScanNode(String table, String format, List<ScanColumn> columns, List<PartitionSplit> partitions,
      long partitionsTotal) {
    this(table, format, columns, partitions, partitionsTotal, null);
  }

  /**
   * One output column. {@code partitionKeyIndex} is -1 for a column read from the files, else the index of the
   * partition key whose value fills it.
   */
  public record ScanColumn(Field field, int partitionKeyIndex) {
    public boolean fromPartition() {
      return partitionKeyIndex >= 0;
    }
  }

  /**
   * A directory of data files and the typed values of its partition keys (see
   * {@link dev.tarn.engine.plan.expr.Literal} for the Java classes; null for the default partition).
   */
  public record PartitionSplit(String location, List<Object> values) {
    public PartitionSplit {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  /**
   * For each output column, its index among the columns read from the files (the output columns that are not
   * partition keys, in order), or -1 for a partition key.
   */
  public int[] fileColumnIndexes() {
    int[] indexes = new int[columns.size()];
    int next = 0;
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = columns.get(i).fromPartition() ? -1 : next++;
    }
    return indexes;
  }

  @Override
  public List<Field> outputFields() {
    return columns.stream().map(ScanColumn::field).toList();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "TableScan[" + table + ", format=" + format + ", columns=" + outputFields().stream().map(Field::getName).toList()
        + ", partitions=" + partitions.size() + "/" + partitionsTotal + (filter == null ? "" : ", filter=" + filter)
        + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitTableScan(this);
  }
}
