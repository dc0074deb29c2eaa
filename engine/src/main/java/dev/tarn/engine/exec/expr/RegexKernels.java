package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * regexp_like, regexp_extract and regexp_replace with Java regular expressions (Trino's syntax is Java's for
 * everything common; replacements use $n and ${name}). A literal pattern is compiled once at plan time; a
 * column pattern is recompiled only when it changes from one row to the next. Bad patterns fail with
 * INVALID_ARGUMENT.
 */
final class RegexKernels {
  private RegexKernels() {}

  static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    List<Expr> args = call.args();
    if (args.size() < 2 || args.size() > 3 || !SqlTypes.isString(args.get(0).type())
        || !SqlTypes.isString(args.get(1).type())) {
      return null;
    }
    String function = call.function();
    boolean thirdOk = args.size() == 2 || switch (function) {
      case Functions.REGEXP_EXTRACT -> SqlTypes.isInteger(args.get(2).type());
      case Functions.REGEXP_REPLACE -> SqlTypes.isString(args.get(2).type());
      default -> false;
    };
    if (!thirdOk) {
      return null;
    }
    Pattern constant = args.get(1) instanceof Literal literal && literal.value() != null
        ? compilePattern((String) literal.value(), function) : null;
    Field field = new Field(function, FieldType.nullable(call.type()), null);
    Kernel kernel = (values, rowCount, allocator) -> apply(function, field, values, constant, rowCount, allocator);
    return new CallExpression(function, kernel, arguments, call.type());
  }

  private static Pattern compilePattern(String pattern, String function) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new TarnException(ErrorCode.INVALID_ARGUMENT, pattern,
          "Invalid regular expression in " + function + ": " + e.getDescription());
    }
  }

  private static FieldVector apply(String function, Field field, List<FieldVector> arguments, Pattern constant,
      int rowCount, BufferAllocator allocator) {
    Utf8Column input = Utf8Column.of(arguments.get(0), rowCount);
    Utf8Column patterns = Utf8Column.of(arguments.get(1), rowCount);
    FieldVector third = arguments.size() > 2 ? arguments.get(2) : null;
    Utf8Column replacements = third != null && Functions.REGEXP_REPLACE.equals(function)
        ? Utf8Column.of(third, rowCount) : null;
    long[] groups = third != null && Functions.REGEXP_EXTRACT.equals(function)
        ? Vectors.readLongs(third, rowCount) : null;
    boolean like = Functions.REGEXP_LIKE.equals(function);
    long[] matches = like ? new long[rowCount] : null;
    Utf8Builder out = like ? null : new Utf8Builder(rowCount, input.bytes.length);
    Pattern pattern = constant;
    String lastPattern = null;
    for (int row = 0; row < rowCount; row++) {
      if (input.isNull(row) || patterns.isNull(row) || (third != null && third.isNull(row))) {
        if (out != null) {
          out.nullRow();
        }
        continue;
      }
      if (constant == null) {
        String rowPattern = patterns.string(row);
        if (!rowPattern.equals(lastPattern)) {
          pattern = compilePattern(rowPattern, function);
          lastPattern = rowPattern;
        }
      }
      Matcher matcher = pattern.matcher(input.string(row));
      if (like) {
        matches[row] = matcher.find() ? 1 : 0;
      } else if (groups != null || third == null && Functions.REGEXP_EXTRACT.equals(function)) {
        long group = groups == null ? 0 : groups[row];
        if (group < 0 || group > matcher.groupCount()) {
          throw new TarnException(ErrorCode.INVALID_ARGUMENT, function, "Pattern has " + matcher.groupCount()
              + " groups. Cannot access group " + group + " in " + function);
        }
        String found = matcher.find() ? matcher.group((int) group) : null;
        if (found == null) {
          out.nullRow();
        } else {
          byte[] bytes = found.getBytes(StandardCharsets.UTF_8);
          out.append(bytes, 0, bytes.length);
          out.endRow();
        }
      } else {
        String replacement = replacements == null ? "" : replacements.string(row);
        String replaced;
        try {
          replaced = matcher.replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          throw new TarnException(ErrorCode.INVALID_ARGUMENT, replacement,
              "Invalid replacement in regexp_replace: " + e.getMessage());
        }
        byte[] bytes = replaced.getBytes(StandardCharsets.UTF_8);
        out.append(bytes, 0, bytes.length);
        out.endRow();
      }
    }
    return like ? StringKernels.longResult(field, arguments, matches, rowCount, allocator)
        : out.build(field, allocator);
  }
}
