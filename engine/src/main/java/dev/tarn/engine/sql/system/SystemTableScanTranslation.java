package dev.tarn.engine.sql.system;

import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.SystemTableScanNode;

/** {@link SystemTableScan} → {@link SystemTableScanNode}: every column; projections above it trim them. */
public final class SystemTableScanTranslation {
  private SystemTableScanTranslation() {}

  public static PlanNode translate(SystemTableScan scan) {
    SystemTable table = scan.systemTable();
    return new SystemTableScanNode(table.qualifiedName(), SystemTables.fields(table.name()));
  }
}
