package dev.tarn.engine.api;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** A small, already computed result (SHOW, DESCRIBE, EXPLAIN) of string columns, or none (DDL). */
final class ResultRows implements QueryResult {

  private final String queryId;
  private final Schema schema;
  private final QueryStatistics statistics;
  private Batch batch;

  private ResultRows(String queryId, Schema schema, Batch batch, QueryStatistics statistics) {
    this.queryId = queryId;
    this.schema = schema;
    this.batch = batch;
    this.statistics = statistics;
  }

  /** A statement without a result set; {@code statistics} are its final figures. */
  static QueryResult none(String queryId, QueryStatistics statistics) {
    return new ResultRows(queryId, new Schema(List.of()), null, statistics);
  }

  /** The schema of string rows under {@code columnNames}: nullable VARCHAR columns. */
  static Schema stringSchema(List<String> columnNames) {
    List<Field> fields = new ArrayList<>();
    for (String name : columnNames) {
      fields.add(stringField(name));
    }
    return new Schema(fields);
  }

  private static Field stringField(String name) {
    return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
  }

  /** String rows under {@code columnNames}; {@code statistics} are the statement's final figures. */
  static QueryResult of(String queryId, List<String> columnNames, List<List<String>> rows, BufferAllocator allocator,
      QueryStatistics statistics) {
    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int column = 0; column < columnNames.size(); column++) {
        Field field = stringField(columnNames.get(column));
        fields.add(field);
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
          values.add(column < row.size() ? row.get(column) : null);
        }
        vectors.add(Vectors.fromValues(field, values, allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new ResultRows(queryId, new Schema(fields), new Batch(vectors, rows.size()), statistics);
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean hasResultSet() {
    return !schema.getFields().isEmpty();
  }

  @Override
  public Batch next() {
    Batch next = batch;
    batch = null;
    return next;
  }

  @Override
  public long updateCount() {
    return hasResultSet() ? -1 : 0;
  }

  @Override
  public QueryStatistics statistics() {
    return statistics;
  }

  @Override
  public void cancel() {}

  @Override
  public void close() {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }
}
