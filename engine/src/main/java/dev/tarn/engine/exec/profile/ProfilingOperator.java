package dev.tarn.engine.exec.profile;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.Operator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.arrow.vector.types.pojo.Schema;

/** Decorates an operator for EXPLAIN ANALYZE: counts rows and batches and times each {@code next()}. */
final class ProfilingOperator implements Operator {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

  private final Operator delegate;
  private final OperatorProfile profile;

  ProfilingOperator(Operator delegate, OperatorProfile profile) {
    this.delegate = delegate;
    this.profile = profile;
  }

  @Override
  public Schema schema() {
    return delegate.schema();
  }

  @Override
  public Batch next() {
    long cpuStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    long wallStart = System.nanoTime();
    Batch batch = null;
    try {
      batch = delegate.next();
      return batch;
    } finally {
      long wall = System.nanoTime() - wallStart;
      long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() - cpuStart : 0;
      profile.record(batch, wall, cpu);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
