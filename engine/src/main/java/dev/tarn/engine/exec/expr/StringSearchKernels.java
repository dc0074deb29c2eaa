package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * replace, strpos, split_part, lpad, rpad and starts_with: byte-range searches over UTF-8 (a UTF-8 match of
 * a valid needle always starts on a code point), positions counted in code points, with Trino's edge rules.
 */
final class StringSearchKernels {
  private StringSearchKernels() {}

  static Kernel resolve(String function, List<ArrowType> types, ArrowType resultType) {
    Field field = new Field(function, FieldType.nullable(resultType), null);
    boolean stringsThenInteger = types.size() == 3 && SqlTypes.isString(types.get(0))
        && SqlTypes.isString(types.get(1)) && SqlTypes.isInteger(types.get(2));
    boolean padTypes = types.size() == 3 && SqlTypes.isString(types.get(0)) && SqlTypes.isInteger(types.get(1))
        && SqlTypes.isString(types.get(2));
    boolean twoStrings = types.size() == 2 && types.stream().allMatch(SqlTypes::isString);
    return switch (function) {
      case Functions.REPLACE -> (types.size() == 2 || types.size() == 3) && types.stream().allMatch(SqlTypes::isString)
          ? (arguments, rowCount, allocator) -> replace(field, arguments, rowCount, allocator) : null;
      case Functions.STRPOS, Functions.STARTS_WITH -> twoStrings
          ? (arguments, rowCount, allocator) -> search(function, field, arguments, rowCount, allocator) : null;
      case Functions.SPLIT_PART -> stringsThenInteger
          ? (arguments, rowCount, allocator) -> splitPart(field, arguments, rowCount, allocator) : null;
      case Functions.LPAD, Functions.RPAD -> padTypes
          ? (arguments, rowCount, allocator) -> pad(function, field, arguments, rowCount, allocator) : null;
      default -> null;
    };
  }

  /** Every occurrence replaced; an empty search string inserts the replacement around every character (Trino). */
  private static FieldVector replace(Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    Utf8Column search = Utf8Column.of(arguments.get(1), rowCount);
    Utf8Column replacement = arguments.size() > 2 ? Utf8Column.of(arguments.get(2), rowCount) : null;
    Utf8Column[] all = replacement == null ? new Utf8Column[] {input, search}
        : new Utf8Column[] {input, search, replacement};
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (Utf8Column.anyNull(all, row)) {
        out.nullRow();
        continue;
      }
      int start = input.start(row);
      int end = input.end(row);
      int searchLength = search.length(row);
      if (searchLength == 0) {
        for (int position = start; position < end; ) {
          appendReplacement(out, replacement, row);
          int next = Utf8Column.next(bytes, position, end);
          out.append(bytes, position, next - position);
          position = next;
        }
        appendReplacement(out, replacement, row);
      } else {
        int position = start;
        int match;
        while ((match = Utf8Column.indexOf(bytes, position, end, search.bytes, search.start(row), search.end(row)))
            >= 0) {
          out.append(bytes, position, match - position);
          appendReplacement(out, replacement, row);
          position = match + searchLength;
        }
        out.append(bytes, position, end - position);
      }
      out.endRow();
    }
    return out.build(field, allocator);
  }

  private static void appendReplacement(Utf8Builder out, Utf8Column replacement, int row) {
    if (replacement != null) {
      out.append(replacement.bytes, replacement.start(row), replacement.length(row));
    }
  }

  /** strpos: 1-based code-point position or 0 (an empty needle is at 1); starts_with: 1 or 0 as a Bool. */
  private static FieldVector search(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    Utf8Column needle = Utf8Column.of(arguments.get(1), rowCount);
    boolean prefix = Functions.STARTS_WITH.equals(function);
    long[] values = new long[rowCount];
    for (int row = 0; row < rowCount; row++) {
      int start = input.start(row);
      int end = prefix ? Math.min(input.end(row), start + needle.length(row)) : input.end(row);
      int match = Utf8Column.indexOf(input.bytes, start, end, needle.bytes, needle.start(row), needle.end(row));
      values[row] = prefix ? (match == start ? 1 : 0)
          : match < 0 ? 0 : Utf8Column.codePointCount(input.bytes, start, match) + 1;
    }
    return StringKernels.longResult(field, arguments, values, rowCount, allocator);
  }

  /** The 1-based field between delimiters; NULL past the last field; an index below 1 is an error (Trino). */
  private static FieldVector splitPart(Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    Utf8Column delimiter = Utf8Column.of(arguments.get(1), rowCount);
    FieldVector indexVector = arguments.get(2);
    long[] indexes = Vectors.readLongs(indexVector, rowCount);
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row) || delimiter.isNull(row) || indexVector.isNull(row)) {
        out.nullRow();
        continue;
      }
      long index = indexes[row];
      if (index < 1) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, Functions.SPLIT_PART,
            "Index must be greater than zero in split_part, got " + index);
      }
      int start = input.start(row);
      int end = input.end(row);
      int delimiterLength = delimiter.length(row);
      if (delimiterLength == 0) {
        if (index == 1) {
          out.append(bytes, start, end - start);
          out.endRow();
        } else {
          out.nullRow();
        }
        continue;
      }
      int fieldStart = start;
      long fieldNumber = 1;
      int match = -1;
      while (fieldNumber < index
          && (match = Utf8Column.indexOf(bytes, fieldStart, end, delimiter.bytes, delimiter.start(row),
              delimiter.end(row))) >= 0) {
        fieldStart = match + delimiterLength;
        fieldNumber++;
      }
      if (fieldNumber < index) {
        out.nullRow();
        continue;
      }
      int fieldEnd = Utf8Column.indexOf(bytes, fieldStart, end, delimiter.bytes, delimiter.start(row),
          delimiter.end(row));
      out.append(bytes, fieldStart, (fieldEnd < 0 ? end : fieldEnd) - fieldStart);
      out.endRow();
    }
    return out.build(field, allocator);
  }

  /** Pads with repetitions of the padding (or truncates) to exactly size code points. */
  private static FieldVector pad(String function, Field field, List<FieldVector> arguments, int rowCount,
      BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    FieldVector sizeVector = arguments.get(1);
    Utf8Column padding = Utf8Column.of(arguments.get(2), rowCount);
    long[] sizes = Vectors.readLongs(sizeVector, rowCount);
    boolean left = Functions.LPAD.equals(function);
    byte[] bytes = input.bytes;
    Utf8Builder out = new Utf8Builder(rowCount, bytes.length);
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row) || sizeVector.isNull(row) || padding.isNull(row)) {
        out.nullRow();
        continue;
      }
      long size = sizes[row];
      if (size < 0 || size > Integer.MAX_VALUE) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, function,
            "Target length must be in the range [0.." + Integer.MAX_VALUE + "] in " + function + ", got " + size);
      }
      int start = input.start(row);
      int end = input.end(row);
      int length = Utf8Column.codePointCount(bytes, start, end);
      if (length >= size) {
        int cut = Utf8Column.advance(bytes, start, end, size);
        out.append(bytes, start, cut - start);
        out.endRow();
        continue;
      }
      if (padding.length(row) == 0) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, function, "Padding string must not be empty in " + function);
      }
      if (!left) {
        out.append(bytes, start, end - start);
      }
      long missing = size - length;
      int padPosition = padding.start(row);
      for (long i = 0; i < missing; i++) {
        if (padPosition >= padding.end(row)) {
          padPosition = padding.start(row);
        }
        int next = Utf8Column.next(padding.bytes, padPosition, padding.end(row));
        out.append(padding.bytes, padPosition, next - padPosition);
        padPosition = next;
      }
      if (left) {
        out.append(bytes, start, end - start);
      }
      out.endRow();
    }
    return out.build(field, allocator);
  }
}
