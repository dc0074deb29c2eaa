package dev.tarn.engine.sql;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.sql.rel.TarnTableScan;
import dev.tarn.engine.sql.stats.TableProfile;
import dev.tarn.engine.sql.stats.TableStatistics;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: its columns (data columns, then partition keys) and a translation into
 * {@link TarnTableScan}, so that Calcite never plans one of its own (Enumerable) scans.
 */
public final class CatalogTable extends AbstractTable implements TranslatableTable {

  private final Table table;
  private final TableStatistics statistics;
  private TableProfile profile;
  private boolean profiled;

  public CatalogTable(Table table, TableStatistics statistics) {
    this.table = table;
    this.statistics = statistics;
  }

  /** The catalog definition this table was built from. */
  public Table definition() {
    return table;
  }

  public String qualifiedName() {
    return table.databaseName() + "." + table.name();
  }

  /** The columns SQL sees: data columns, then partition keys. */
  public List<Column> columns() {
    return table.allColumns();
  }

  /** Whether column {@code index} (of {@link #columns()}) is a partition key. */
  public boolean isPartitionKey(int index) {
    return index >= table.storageDescriptor().columns().size();
  }

  /** The partition key index of column {@code index}, or -1 for a data column. */
  public int partitionKeyIndex(int index) {
    return isPartitionKey(index) ? index - table.storageDescriptor().columns().size() : -1;
  }

  /**
   * The row count and column estimates from the files' footers and the partitions, computed once per planning of
   * a query; null when unknown.
   */
  public TableProfile profile() {
    if (!profiled) {
      profile = statistics.profile(table);
      profiled = true;
    }
    return profile;
  }

  /**
   * The row count only. Unique keys are deliberately not declared: footer-based distinct counts are estimates,
   * and Calcite would treat keys as facts (to remove joins and aggregates). Estimates reach the optimizer through
   * {@code sql.metadata} instead.
   */
  @Override
  public Statistic getStatistic() {
    TableProfile known = profile();
    return known == null ? Statistics.UNKNOWN : Statistics.of(known.rowCount(), List.of());
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns()) {
      builder.add(column.name(), TypeMapping.toRelDataType(HiveType.parse(column.type()), typeFactory));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return TarnTableScan.create(context.getCluster(), relOptTable, this);
  }
}
