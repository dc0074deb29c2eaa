package dev.tarn.engine.sql.system;

import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.SystemTableScanNode;

/** {@link SystemTableScan} → {@link SystemTableScanNode}: every column; projections above it trim them. */
public final class SystemTableScanTranslation {
  private SystemTableScanTranslation() {}

  public static PlanNode translate(SystemTableScan scan) {
    SystemTables.Definition table = scan.systemTable().definition();
    return new SystemTableScanNode(table.qualifiedName(), table.fields());
  }
}
