package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads one of the engine's own tables ({@code system.queries}): rows the engine produces about itself when the
 * query runs, not files.
 *
 * @param table the qualified name, e.g. {@code system.queries}
 * @param fields every column of the table, in order
 */
public record SystemTableScanNode(String table, List<Field> fields) implements PlanNode {

  public SystemTableScanNode {
    fields = List.copyOf(fields);
  }

  @Override
  public List<Field> outputFields() {
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "SystemTableScan[" + table + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitSystemTableScan(this);
  }
}
