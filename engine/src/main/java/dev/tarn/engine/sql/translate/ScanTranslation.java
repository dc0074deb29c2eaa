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
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

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
        pruned.total());
  }
}
