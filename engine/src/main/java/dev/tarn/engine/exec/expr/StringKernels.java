package dev.tarn.engine.exec.expr;

import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Validity;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * upper, lower, length, substr, trim/ltrim/rtrim, concat and reverse on UTF-8 byte ranges, counting characters
 * as code points (Trino). Case mapping is per code point, so 'ß' stays 'ß' as in Trino. Integer arguments are
 * Bigint; any NULL argument gives NULL.
 */
final class StringKernels {
  private StringKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    if (types.isEmpty() || !SqlTypes.isString(types.get(0))) {
      return null;
    }
    Field field = new Field(function, FieldType.nullable(resultType), null);
    boolean trailingIntegers = types.subList(1, types.size()).stream().allMatch(SqlTypes::isInteger);
    boolean allStrings = types.stream().allMatch(SqlTypes::isString);
    return switch (function) {
      case Functions.UPPER, Functions.LOWER, Functions.REVERSE -> types.size() == 1
          ? (arguments, rowCount, allocator) -> mapCodePoints(function, field, arguments.get(0), rowCount, allocator)
          : null;
      case Functions.LENGTH -> types.size() == 1 && SqlTypes.isInteger(resultType)
          ? (arguments, rowCount, allocator) -> length(field, arguments.get(0), rowCount, allocator) : null;
      case Functions.SUBSTR -> (types.size() == 2 || types.size() == 3) && trailingIntegers
          ? (arguments, rowCount, allocator) -> substr(field, arguments, rowCount, allocator) : null;
      case Functions.TRIM, Functions.LTRIM, Functions.RTRIM -> types.size() <= 2 && allStrings
          ? (arguments, rowCount, allocator) -> trim(function, field, arguments, rowCount, allocator) : null;
      case Functions.CONCAT -> allStrings
          ? (arguments, rowCount, allocator) -> concat(field, arguments, rowCount, allocator) : null;
      default -> null;
    };
  }

  private static FieldVector mapCodePoints(String function, Field field, FieldVector argument, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(argument, rowCount);
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row)) {
        out.nullRow();
        continue;
      }
      int start = input.start(row);
      int end = input.end(row);
      if (Functions.REVERSE.equals(function)) {
        for (int position = end; position > start; ) {
          int previous = Utf8Column.previous(bytes, position);
          out.append(bytes, previous, position - previous);
          position = previous;
        }
      } else {
        boolean upper = Functions.UPPER.equals(function);
        for (int position = start; position < end; ) {
          int codePoint = Utf8Column.codePointAt(bytes, position);
          if (codePoint < 0x80) {
            // ASCII needs no decoding: the common case stays a byte operation.
            out.append((byte) (upper ? (codePoint >= 'a' && codePoint <= 'z' ? codePoint - 32 : codePoint)
                : (codePoint >= 'A' && codePoint <= 'Z' ? codePoint + 32 : codePoint)));
            position++;
          } else {
            Utf8Column.appendCodePoint(out, upper ? Character.toUpperCase(codePoint)
                : Character.toLowerCase(codePoint));
            position = Utf8Column.next(bytes, position, end);
          }
        }
      }
      out.endRow();
    }
    return out.build(field, allocator);
  }

  private static FieldVector length(Field field, FieldVector argument, int rowCount, BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(argument, rowCount);
    long[] lengths = new long[rowCount];
    for (int row = 0; row < rowCount; row++) {
      lengths[row] = Utf8Column.codePointCount(input.bytes, input.start(row), input.end(row));
    }
    return longResult(field, List.of(argument), lengths, rowCount, allocator);
  }

  /** A long-backed result vector holding {@code values}, NULL where any input is NULL. */
  static FieldVector longResult(Field field, List<FieldVector> inputs, long[] values, int rowCount,
      BufferAllocator allocator) {
    FieldVector result = Vectors.allocate(field, rowCount, allocator);
    Validity.intersect(inputs, result, rowCount);
    Vectors.writeLongs(result, values, rowCount);
    result.setValueCount(rowCount);
    return result;
  }

  /** Trino's substr: start 0 gives '', a negative start counts from the end, a non-positive length gives ''. */
  private static FieldVector substr(Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    FieldVector startVector = arguments.get(1);
    FieldVector lengthVector = arguments.size() > 2 ? arguments.get(2) : null;
    long[] starts = Vectors.readLongs(startVector, rowCount);
    long[] lengths = lengthVector == null ? null : Vectors.readLongs(lengthVector, rowCount);
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row) || startVector.isNull(row) || (lengthVector != null && lengthVector.isNull(row))) {
        out.nullRow();
        continue;
      }
      int begin = input.start(row);
      int end = input.end(row);
      long start = starts[row];
      long length = lengths == null ? Long.MAX_VALUE : lengths[row];
      if (start != 0 && length > 0 && begin < end) {
        if (start < 0) {
          start += Utf8Column.codePointCount(bytes, begin, end) + 1;
        }
        if (start > 0) {
          int from = Utf8Column.advance(bytes, begin, end, start - 1);
          if (from >= 0) {
            int to = Utf8Column.advance(bytes, from, end, Math.min(length, end - from));
            out.append(bytes, from, (to < 0 ? end : to) - from);
          }
        }
      }
      out.endRow();
    }
    return out.build(field, allocator);
  }

  /** Removes any code point of the set (default: whitespace) from the chosen ends. */
  private static FieldVector trim(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    Utf8Column characters = arguments.size() > 1 ? Utf8Column.of(arguments.get(1), rowCount) : null;
    boolean left = !Functions.RTRIM.equals(function);
    boolean right = !Functions.LTRIM.equals(function);
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row) || (characters != null && characters.isNull(row))) {
        out.nullRow();
        continue;
      }
      int start = input.start(row);
      int end = input.end(row);
      while (left && start < end && trimmed(Utf8Column.codePointAt(bytes, start), characters, row)) {
        start = Utf8Column.next(bytes, start, end);
      }
      while (right && end > start) {
        int previous = Utf8Column.previous(bytes, end);
        if (!trimmed(Utf8Column.codePointAt(bytes, previous), characters, row)) {
          break;
        }
        end = previous;
      }
      out.append(bytes, start, end - start);
      out.endRow();
    }
    return out.build(field, allocator);
  }

  private static boolean trimmed(int codePoint, Utf8Column characters, int row) {
    if (characters == null) {
      return Character.isWhitespace(codePoint);
    }
    byte[] set = characters.bytes;
    for (int position = characters.start(row); position < characters.end(row);
        position = Utf8Column.next(set, position, characters.end(row))) {
      if (Utf8Column.codePointAt(set, position) == codePoint) {
        return true;
      }
    }
    return false;
  }

  private static FieldVector concat(Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column[] inputs = new Utf8Column[arguments.size()];
    int totalBytes = 0;
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Utf8Column.of(arguments.get(i), rowCount);
      totalBytes += inputs[i].bytes.length;
    }
    Utf8Builder out = new Utf8Builder(rowCount, totalBytes);
    for (int row = 0; row < rowCount; row++) {
      if (Utf8Column.anyNull(inputs, row)) {
        out.nullRow();
        continue;
      }
      for (Utf8Column input : inputs) {
        out.append(input.bytes, input.start(row), input.length(row));
      }
      out.endRow();
    }
    return out.build(field, allocator);
  }
}
