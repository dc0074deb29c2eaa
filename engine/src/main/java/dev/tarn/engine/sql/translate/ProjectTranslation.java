package dev.tarn.engine.sql.translate;

import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.ProjectNode;
import org.apache.calcite.rel.core.Project;

/** Project → ProjectNode, keeping Calcite's output names. */
final class ProjectTranslation {
  private ProjectTranslation() {}

  static PlanNode translate(Project project, PhysicalPlanTranslator translator) {
    PlanNode input = translator.translate(project.getInput());
    return new ProjectNode(input, translator.rexToExpr().translateAll(project.getProjects()),
        project.getRowType().getFieldNames());
  }
}
