package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * EXPLAIN ANALYZE's root: its first {@code next()} drains the profiled query, discarding its rows, and returns the
 * plan annotated with what each operator did plus one summary line, as one VARCHAR column "Query Plan". Being an
 * operator, the analysed query runs while the result is read, so it is cancelled and timed out like any query.
 */
public final class ExplainAnalyzeOperator implements Operator {
  private static final Field QUERY_PLAN = new Field("Query Plan", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);

  private final Operator root;
  private final PlanNode plan;
  private final QueryProfile profile;
  private final ExecutionContext context;
  private boolean done;
  private boolean rootClosed;

  /** {@code root}: the query's operators, built with {@code profile} from {@code plan}. */
  public ExplainAnalyzeOperator(Operator root, PlanNode plan, QueryProfile profile, ExecutionContext context) {
    this.root = root;
    this.plan = plan;
    this.profile = profile;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return new Schema(List.of(QUERY_PLAN));
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    done = true;
    long rows = 0;
    long start = System.nanoTime();
    try {
      for (Batch batch = root.next(); batch != null; batch = root.next()) {
        rows += batch.rowCount();
        batch.close();
        context.checkCancelled();
      }
    } finally {
      closeRoot();
    }
    long elapsed = System.nanoTime() - start;
    List<String> lines = new ArrayList<>(ProfilePrinter.print(plan, profile));
    lines.add("Query: rows=" + rows + " wall=" + ProfilePrinter.millis(elapsed)
        + " peak memory=" + ProfilePrinter.bytes(context.allocator().getPeakMemoryAllocation())
        + " bytes scanned=" + ProfilePrinter.bytes(context.stats().bytesScanned()));
    FieldVector column = Vectors.fromValues(QUERY_PLAN, lines, context.allocator());
    return new Batch(List.of(column), lines.size());
  }

  private void closeRoot() {
    if (!rootClosed) {
      rootClosed = true;
      root.close();
    }
  }

  @Override
  public void close() {
    done = true;
    closeRoot();
  }
}
