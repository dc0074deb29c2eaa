package dev.tarn.engine.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The first half of GROUPING SETS, ROLLUP and CUBE (as Trino plans them): every input row is repeated once per
 * grouping set. Output: the input's columns unchanged (aggregate arguments), then one copy of each of
 * {@code groupKeys} that is NULL where the key is not in the row's grouping set, then the BIGINT group id: the
 * index of the grouping set in {@code groupingSets}. A hash aggregate keyed on the copies and the group id
 * finishes the job. Each grouping set lists input column indexes, all of them in {@code groupKeys}.
 */
public record GroupIdNode(PlanNode input, List<Integer> groupKeys, List<List<Integer>> groupingSets)
    implements PlanNode {

  /** The type of the group id column. */
  public static final ArrowType GROUP_ID_TYPE = new ArrowType.Int(64, true);

  public GroupIdNode {
    groupKeys = List.copyOf(groupKeys);
    groupingSets = groupingSets.stream().map(List::copyOf).toList();
    for (List<Integer> set : groupingSets) {
      if (!groupKeys.containsAll(set)) {
        throw new IllegalArgumentException("grouping set " + set + " is not within the keys " + groupKeys);
      }
    }
  }

  @Override
  public List<Field> outputFields() {
    List<Field> inputFields = input.outputFields();
    List<Field> fields = new ArrayList<>(inputFields);
    for (int key : groupKeys) {
      Field field = inputFields.get(key);
      fields.add(new Field(field.getName(), FieldType.nullable(field.getType()), field.getChildren()));
    }
    fields.add(new Field("$group_id", FieldType.notNullable(GROUP_ID_TYPE), null));
    return fields;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "GroupId[keys=" + groupKeys.stream().map(k -> "$" + k).toList() + ", sets="
        + groupingSets.stream().map(set -> set.stream().map(k -> "$" + k).toList()).toList() + "]";
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visitGroupId(this);
  }
}
