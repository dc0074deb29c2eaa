package dev.tarn.jdbc;

import java.sql.ResultSetMetaData;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a result set: its label, type and nullability ({@link ResultSetMetaData#columnNullable} or
 * {@link ResultSetMetaData#columnNoNulls}).
 */
record ColumnDescription(String label, SqlType type, int nullable) {

  static ColumnDescription nullable(String label, SqlType type) {
    return new ColumnDescription(label, type, ResultSetMetaData.columnNullable);
  }

  static ColumnDescription notNull(String label, SqlType type) {
    return new ColumnDescription(label, type, ResultSetMetaData.columnNoNulls);
  }

  /** The columns of an Arrow schema. */
  static List<ColumnDescription> of(Schema schema) {
    List<ColumnDescription> columns = new ArrayList<>(schema.getFields().size());
    for (Field field : schema.getFields()) {
      columns.add(new ColumnDescription(field.getName(), JdbcTypes.fromArrow(field.getType()),
          field.isNullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls));
    }
    return columns;
  }
}
