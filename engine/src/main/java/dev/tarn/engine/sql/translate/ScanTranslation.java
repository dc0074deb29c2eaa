package dev.tarn.engine.sql.translate;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.TableScanNode.ScanColumn;
import dev.tarn.engine.sql.CatalogTable;
import dev.tarn.engine.sql.TypeMapping;
import dev.tarn.engine.sql.partition.PartitionPruner;
import dev.tarn.engine.sql.rel.TarnTableScan;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/** TarnTableScan → TableScanNode: resolves the storage format, the columns, and prunes partitions. */
final class ScanTranslation {

  private ScanTranslation() {}

  static TableScanNode translate(TarnTableScan scan, PhysicalPlanTranslator translator) {
    CatalogTable table = scan.catalogTable();
    StorageFormat format = StorageFormat.of(table.definition())
        .orElseThrow(() -> TarnException.notSupported("storage format of table " + table.qualifiedName()));
    if (format != StorageFormat.PARQUET) {
      throw TarnException.notSupported(format.classification() + " tables (" + table.qualifiedName() + ")");
    }
    List<ScanColumn> columns = new ArrayList<>();
    for (int index : scan.columns()) {
      Column column = table.columns().get(index);
      Field field = new Field(column.name(), FieldType.nullable(TypeMapping.toArrowType(HiveType.parse(column.type()))), null);
      columns.add(new ScanColumn(field, table.partitionKeyIndex(index)));
    }
    PartitionPruner.Pruned pruned = translator.partitionPruner()
        .prune(table, scan.partitionPredicate(), translator.rexToExpr());
    return new TableScanNode(table.qualifiedName(), format.classification(), columns, pruned.partitions(),
        pruned.total(), dataFilter(scan, translator));
  }

  /**
   * The scan's data predicate over its output columns. Conjuncts naming a column the scan no longer produces, or
   * that Tarn cannot translate, are dropped: the filter is a pruning hint, and the Filter above stays exact.
   */
  private static Expr dataFilter(TarnTableScan scan, PhysicalPlanTranslator translator) {
    if (scan.dataPredicate() == null) {
      return null;
    }
    List<Expr> kept = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(scan.dataPredicate())) {
      boolean[] produced = {true};
      RexNode overOutput = conjunct.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef inputRef) {
          int position = scan.columns().indexOf(inputRef.getIndex());
          produced[0] &= position >= 0;
          return new RexInputRef(Math.max(position, 0), inputRef.getType());
        }
      });
      if (!produced[0]) {
        continue;
      }
      try {
        kept.add(translator.rexToExpr().translate(overOutput));
      } catch (TarnException notTranslatable) {
        // The Filter above reports the failure if the conjunct really cannot run; the hint just goes without it.
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    Expr filter = kept.get(0);
    for (int i = 1; i < kept.size(); i++) {
      filter = new Call(Functions.AND, List.of(filter, kept.get(i)), TypeMapping.BOOLEAN);
    }
    return filter;
  }
}
