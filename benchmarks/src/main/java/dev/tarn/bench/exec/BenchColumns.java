package dev.tarn.bench.exec;

import dev.tarn.engine.exec.Batch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Deterministic benchmark columns written straight into Arrow vectors (the engine tests' FakeOperator builds
 * vectors from Java lists, which is too slow for millions of rows): a column is a field plus its value at each
 * row, and {@link #batches} cuts a table of them into batches.
 */
public final class BenchColumns {

  /** Arrow types the benchmarks use, named as in SQL. */
  public static final ArrowType BIGINT = new ArrowType.Int(64, true);
  public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;

  /** Words for string values, like the TPC-H generator's text. */
  private static final String[] WORDS = {"furiously", "carefully", "quickly", "blithely", "slyly", "final",
      "regular", "express", "pending", "ironic", "special", "bold", "silent", "even", "unusual", "deposits",
      "requests", "packages", "accounts", "theodolites", "pinto", "beans", "foxes", "instructions", "ideas"};

  /** One column: its (nullable) field and how to set its value at a row of the table. */
  public interface Column {
    Field field();

    /** Sets {@code vector[index]} to the column's value at table row {@code row}. */
    void set(FieldVector vector, int index, long row);
  }

  private BenchColumns() {}

  public static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }

  public static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  /** A well-mixed pseudo-random 64-bit value for {@code row} of stream {@code seed} (SplitMix64). */
  public static long mix(long row, long seed) {
    long z = row * 0x9E3779B97F4A7C15L + seed * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly distributed value in {@code [0, bound)} for {@code row} of stream {@code seed}. */
  public static long uniform(long row, long seed, long bound) {
    return Math.floorMod(mix(row, seed), bound);
  }

  /** Text of 2 to 5 words, a different phrase per {@code value} (so {@code value % n} gives n distinct strings). */
  public static String words(long value) {
    StringBuilder text = new StringBuilder();
    int count = 2 + (int) Math.floorMod(value, 4);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(WORDS[(int) Math.floorMod(mix(value, i), WORDS.length)]);
    }
    return text.toString();
  }

  public static Column bigint(String name, LongUnaryOperator valueOfRow) {
    return column(field(name, BIGINT), (vector, index, row) ->
        ((BigIntVector) vector).set(index, valueOfRow.applyAsLong(row)));
  }

  /** A DECIMAL(precision, scale) column from each row's unscaled value. */
  public static Column decimal(String name, int precision, int scale, LongUnaryOperator unscaledOfRow) {
    return column(field(name, decimal(precision, scale)), (vector, index, row) ->
        ((DecimalVector) vector).set(index, unscaledOfRow.applyAsLong(row)));
  }

  /** A DATE column from each row's days since 1970-01-01. */
  public static Column date(String name, LongUnaryOperator dayOfRow) {
    return column(field(name, DATE), (vector, index, row) ->
        ((DateDayVector) vector).set(index, (int) dayOfRow.applyAsLong(row)));
  }

  public static Column varchar(String name, LongFunction<String> valueOfRow) {
    return column(field(name, VARCHAR), (vector, index, row) ->
        ((VarCharVector) vector).setSafe(index, valueOfRow.apply(row).getBytes(StandardCharsets.UTF_8)));
  }

  private static Column column(Field field, Setter setter) {
    return new Column() {
      @Override
      public Field field() {
        return field;
      }

      @Override
      public void set(FieldVector vector, int index, long row) {
        setter.set(vector, index, row);
      }
    };
  }

  private interface Setter {
    void set(FieldVector vector, int index, long row);
  }

  /** Rows {@code [0, rowCount)} of {@code columns} in batches of {@code batchSize} rows, owned by the caller. */
  public static List<Batch> batches(BufferAllocator allocator, long rowCount, int batchSize, List<Column> columns) {
    List<Batch> batches = new ArrayList<>();
    for (long first = 0; first < rowCount; first += batchSize) {
      int size = (int) Math.min(batchSize, rowCount - first);
      List<FieldVector> vectors = new ArrayList<>();
      for (Column column : columns) {
        FieldVector vector = column.field().createVector(allocator);
        vector.setInitialCapacity(size);
        vector.allocateNew();
        for (int index = 0; index < size; index++) {
          column.set(vector, index, first + index);
        }
        vector.setValueCount(size);
        vectors.add(vector);
      }
      batches.add(new Batch(vectors, size));
    }
    return batches;
  }

  /** Closes every batch. */
  public static void close(List<Batch> batches) {
    batches.forEach(Batch::close);
  }
}
