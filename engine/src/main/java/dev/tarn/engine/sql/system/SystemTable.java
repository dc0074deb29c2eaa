package dev.tarn.engine.sql.system;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.engine.sql.TypeMapping;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A system table's columns for the validator, and its translation into a {@link SystemTableScan} (never Enumerable). */
public final class SystemTable extends AbstractTable implements TranslatableTable {

  private final SystemTables.Definition definition;

  public SystemTable(SystemTables.Definition definition) {
    this.definition = definition;
  }

  public SystemTables.Definition definition() {
    return definition;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (SystemTables.Column column : definition.columns()) {
      builder.add(column.name(), TypeMapping.toRelDataType(HiveType.parse(column.type()), typeFactory));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return SystemTableScan.create(context.getCluster(), relOptTable, this);
  }
}
