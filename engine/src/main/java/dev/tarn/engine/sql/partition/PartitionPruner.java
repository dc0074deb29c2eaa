package dev.tarn.engine.sql.partition;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.sql.CatalogTable;
import dev.tarn.engine.sql.TypeMapping;
import dev.tarn.engine.sql.translate.RexToExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Chooses the partitions a scan must read, before any file is listed or opened. First the catalog store is asked
 * only for partitions matching the indexable part of the predicate ({@link PartitionFilterExtractor}); then the
 * whole predicate is evaluated on the candidates' values with Tarn's own vectorized kernels, so any expression
 * over partition keys ({@code year * 100 + month >= 199503}, casts, functions) prunes exactly.
 */
public final class PartitionPruner {

  private final CatalogStore store;
  private final BufferAllocator allocator;

  public PartitionPruner(CatalogStore store, BufferAllocator allocator) {
    this.store = store;
    this.allocator = allocator;
  }

  /** The result: partitions kept and the table's partition count. */
  public record Pruned(List<PartitionSplit> partitions, long total) {}

  public Pruned prune(CatalogTable catalogTable, RexNode predicate, RexToExpr translator) {
    Table table = catalogTable.definition();
    if (!table.isPartitioned()) {
      return new Pruned(List.of(new PartitionSplit(table.storageDescriptor().location(), List.of())), 1);
    }
    long total = store.countPartitions(table.databaseName(), table.name());
    PartitionFilter filter = PartitionFilterExtractor.extract(predicate, catalogTable);
    List<Partition> candidates = store.listPartitions(table.databaseName(), table.name(), filter);
    List<PartitionSplit> splits = new ArrayList<>(candidates.size());
    List<HiveType> keyTypes = table.partitionKeys().stream().map(key -> HiveType.parse(key.type())).toList();
    for (Partition partition : candidates) {
      List<Object> values = new ArrayList<>(keyTypes.size());
      for (int key = 0; key < keyTypes.size(); key++) {
        values.add(TypedPartitionValues.parse(partition.values().get(key), keyTypes.get(key),
            catalogTable.qualifiedName() + " partition " + partition.values()));
      }
      splits.add(new PartitionSplit(PartitionValues.location(table, partition), values));
    }
    if (predicate == null || splits.isEmpty()) {
      return new Pruned(splits, total);
    }
    return new Pruned(evaluate(catalogTable, predicate, translator, splits), total);
  }

  /** Keeps the splits for which the predicate is true, evaluated on a batch with one row per partition. */
  private List<PartitionSplit> evaluate(CatalogTable catalogTable, RexNode predicate, RexToExpr translator,
      List<PartitionSplit> splits) {
    Table table = catalogTable.definition();
    int dataColumns = table.storageDescriptor().columns().size();
    Expr condition = translator.translate(predicate.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() - dataColumns, ref.getType());
      }
    }));
    List<FieldVector> vectors = new ArrayList<>();
    List<Column> keys = table.partitionKeys();
    try {
      for (int key = 0; key < keys.size(); key++) {
        Field field = new Field(keys.get(key).name(),
            FieldType.nullable(TypeMapping.toArrowType(HiveType.parse(keys.get(key).type()))), null);
        List<Object> values = new ArrayList<>(splits.size());
        for (PartitionSplit split : splits) {
          values.add(split.values().get(key));
        }
        vectors.add(Vectors.fromValues(field, values, allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    VectorExpression expression = ExpressionCompiler.compile(condition);
    try (Batch batch = new Batch(vectors, splits.size());
        BitVector result = (BitVector) expression.evaluate(batch, allocator)) {
      List<PartitionSplit> kept = new ArrayList<>();
      for (int row = 0; row < splits.size(); row++) {
        if (!result.isNull(row) && result.get(row) == 1) {
          kept.add(splits.get(row));
        }
      }
      return kept;
    }
  }
}
