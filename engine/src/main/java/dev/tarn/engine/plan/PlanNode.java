package dev.tarn.engine.plan;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A node of Tarn's immutable physical plan: what to compute, never runtime state. The exec layer turns a plan
 * into operators ({@code dev.tarn.engine.exec.ExecutionPlanner}); EXPLAIN prints it ({@link PlanPrinter}).
 */
public interface PlanNode {

  /** The columns this node produces, in order: name, Arrow type, nullability. */
  List<Field> outputFields();

  /** The inputs of this node. */
  List<PlanNode> inputs();

  /** One line for EXPLAIN: the operator's name and its arguments. */
  String describe();

  <R> R accept(PlanVisitor<R> visitor);
}
