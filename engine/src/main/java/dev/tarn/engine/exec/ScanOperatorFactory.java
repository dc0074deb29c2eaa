package dev.tarn.engine.exec;

import dev.tarn.engine.plan.TableScanNode;

/** Creates the operator that reads a table scan's files; implemented by the scan layer. */
@FunctionalInterface
public interface ScanOperatorFactory {

  /** A new, not yet started operator producing {@code node.outputFields()} for this query. */
  Operator create(TableScanNode node, ExecutionContext context);
}
