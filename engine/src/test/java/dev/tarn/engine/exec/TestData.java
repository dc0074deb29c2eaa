package dev.tarn.engine.exec;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.exec.expr.ExpressionCompiler;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Test-only builders of vectors, batches, expressions and operator outputs from Java values. */
public final class TestData {
  public static final ArrowType BOOLEAN = new ArrowType.Bool();
  public static final ArrowType TINYINT = new ArrowType.Int(8, true);
  public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
  public static final ArrowType INTEGER = new ArrowType.Int(32, true);
  public static final ArrowType BIGINT = new ArrowType.Int(64, true);
  public static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  public static final ArrowType VARCHAR = new ArrowType.Utf8();
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
  public static final ArrowType NULL = new ArrowType.Null();

  private TestData() {}

  public static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }

  public static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  /** A vector of {@code type} holding {@code values} (Literal conventions; ints may be given as Integer). */
  public static FieldVector vector(BufferAllocator allocator, ArrowType type, Object... values) {
    return vector(allocator, "c", type, Arrays.asList(values));
  }

  public static FieldVector vector(BufferAllocator allocator, String name, ArrowType type, List<?> values) {
    FieldVector vector = Vectors.allocate(field(name, type), values.size(), allocator);
    for (int i = 0; i < values.size(); i++) {
      Vectors.setValue(vector, i, normalize(values.get(i)));
    }
    vector.setValueCount(values.size());
    return vector;
  }

  /** Integer becomes Long and Float becomes Double, so tests can write plain literals. */
  public static Object normalize(Object value) {
    if (value instanceof Integer number) {
      return number.longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    return value;
  }

  public static Batch batch(FieldVector... columns) {
    return new Batch(List.of(columns), columns.length == 0 ? 0 : columns[0].getValueCount());
  }

  public static List<Object> values(FieldVector vector) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < vector.getValueCount(); i++) {
      values.add(Vectors.value(vector, i));
    }
    return values;
  }

  /** Evaluates {@code expression} over {@code input} and returns the values (closing the result). */
  public static List<Object> evaluate(Expr expression, Batch input, BufferAllocator allocator) {
    try (FieldVector result = ExpressionCompiler.compile(expression).evaluate(input, allocator)) {
      return values(result);
    }
  }

  public static ColumnRef column(int index, ArrowType type) {
    return new ColumnRef(index, type);
  }

  public static Literal literal(Object value, ArrowType type) {
    return new Literal(normalize(value), type);
  }

  public static Call call(String function, ArrowType type, Expr... arguments) {
    return new Call(function, List.of(arguments), type);
  }

  /** Drains {@code operator} into rows of Java values, closing every batch and then the operator. */
  public static List<List<Object>> drain(Operator operator) {
    List<List<Object>> rows = new ArrayList<>();
    try (operator) {
      for (Batch next = operator.next(); next != null; next = operator.next()) {
        try (Batch batch = next) {
          for (int row = 0; row < batch.rowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (FieldVector column : batch.columns()) {
              values.add(Vectors.value(column, row));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }

  public static ExecutionContext context(BufferAllocator allocator, int batchSize) {
    return new ExecutionContext("test", allocator, (FileSystem) null, batchSize);
  }

  /** Java-list rows, with nulls allowed (List.of forbids them). */
  public static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(normalize(value));
    }
    return row;
  }
}
