package dev.tarn.engine.exec.operator;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Names the operator whose own work ran out of the query's memory: Arrow's {@link OutOfMemoryException}, or an
 * OUT_OF_MEMORY error a reader raised with its own context (file, column), escaping {@code next()} becomes
 * {@link Exceeded} about this operator, with the query's limit. Every operator is wrapped, so the innermost one,
 * where the allocation failed, names itself; the ones above pass its error on unchanged.
 */
public final class MemoryLimitAttribution implements Operator {
  private final Operator delegate;
  private final String operator;
  private final ExecutionContext context;

  /** @param operator the operator's name for the message, e.g. {@code HashAggregate} */
  public MemoryLimitAttribution(Operator delegate, String operator, ExecutionContext context) {
    this.delegate = delegate;
    this.operator = operator;
    this.context = context;
  }

  @Override
  public Schema schema() {
    return delegate.schema();
  }

  @Override
  public Batch next() {
    try {
      return delegate.next();
    } catch (OutOfMemoryException e) {
      throw exceeded(e.getMessage(), e);
    } catch (TarnException e) {
      if (e.code() != ErrorCode.OUT_OF_MEMORY || e instanceof Exceeded) {
        throw e;
      }
      throw exceeded(e.getMessage(), e);
    }
  }

  private Exceeded exceeded(String detail, RuntimeException cause) {
    return new Exceeded(operator, "Query " + context.queryId() + " exceeded its memory limit of "
        + context.allocator().getLimit() + " bytes in operator " + operator + ": " + detail, cause);
  }

  /** OUT_OF_MEMORY already attributed to the operator that ran out. */
  public static final class Exceeded extends TarnException {
    Exceeded(String operator, String message, Throwable cause) {
      super(ErrorCode.OUT_OF_MEMORY, operator, message, cause);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
