package dev.tarn.engine.exec.operator;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.footer.FooterAggregation;
import dev.tarn.engine.exec.footer.FooterFile;
import dev.tarn.engine.exec.scan.DataFiles;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.FooterAggregateNode;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Executes a {@link FooterAggregateNode}: reads only the footers of the partitions' files (counting their bytes in
 * a {@link ScanStats}) and returns the aggregate in one batch. If any file's statistics cannot answer exactly, it
 * runs the fallback plan instead and streams its batches; the decision is per query, taken before any row is
 * returned, so the answer is always the full scan's.
 */
public final class FooterAggregateOperator implements Operator {

  private final FooterAggregateNode node;
  private final Supplier<Operator> fallback;
  private final ExecutionContext context;
  private final Schema schema;
  private boolean started;
  private Operator delegate;

  public FooterAggregateOperator(FooterAggregateNode node, Supplier<Operator> fallback, ExecutionContext context) {
    this.node = node;
    this.fallback = fallback;
    this.context = context;
    this.schema = new Schema(node.outputFields());
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    if (!started) {
      started = true;
      List<List<Object>> rows = answerFromFooters();
      if (rows != null) {
        return batch(rows);
      }
      delegate = fallback.get();
    }
    return delegate == null ? null : delegate.next();
  }

  /** The result rows, or null when some file's footer cannot answer. */
  private List<List<Object>> answerFromFooters() {
    ScanStats stats = context.stats().newScan(node.scan().table());
    stats.partitionsTotal.addAndGet(node.scan().partitionsTotal());
    FooterAggregation aggregation = new FooterAggregation(node);
    for (PartitionSplit partition : node.scan().partitions()) {
      context.checkCancelled();
      stats.partitionsScanned.incrementAndGet();
      List<String> files = DataFiles.list(context.fileSystem(), partition.location(), node.scan().table());
      stats.filesTotal.addAndGet(files.size());
      for (String file : files) {
        stats.filesScanned.incrementAndGet();
        FooterFile footer = FooterFile.read(context.fileSystem(), file, stats.bytesScanned);
        if (footer == null || !aggregation.add(partition, footer)) {
          forgetCounts(stats);
          return null;
        }
        stats.rowGroupsTotal.addAndGet(footer.rowGroupCount());
      }
    }
    return aggregation.rows();
  }

  /**
   * Keeps only the footer bytes read (they were read): the fallback plan's scan counts the partitions, files and
   * row groups itself, so counting them here too would double them in system.queries.
   */
  private static void forgetCounts(ScanStats stats) {
    stats.partitionsScanned.set(0);
    stats.partitionsTotal.set(0);
    stats.filesScanned.set(0);
    stats.filesTotal.set(0);
    stats.rowGroupsTotal.set(0);
  }

  private Batch batch(List<List<Object>> rows) {
    List<Field> fields = schema.getFields();
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    try {
      for (int column = 0; column < fields.size(); column++) {
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
          values.add(row.get(column));
        }
        vectors.add(Vectors.fromValues(fields.get(column), values, context.allocator()));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new Batch(vectors, rows.size());
  }

  @Override
  public void close() {
    if (delegate != null) {
      delegate.close();
      delegate = null;
    }
  }
}
