package dev.tarn.engine.exec.expr;

import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.vector.SqlTypes;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Resolves a {@link Call} by function name and argument types to a compiled expression. Each function family
 * lives in its own kernels class; this is the one place that maps names to families.
 */
public final class FunctionRegistry {

  /** Builds the expression for one function family; returns null when the argument types are unsupported. */
  @FunctionalInterface
  interface FunctionCompiler {
    VectorExpression compile(Call call, List<VectorExpression> arguments);
  }

  private static final Map<String, FunctionCompiler> FUNCTIONS = Map.ofEntries(
      Map.entry(Functions.ADD, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.SUBTRACT, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.MULTIPLY, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.DIVIDE, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.MODULUS, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.NEGATE, simple(ArithmeticKernels::resolve)),
      Map.entry(Functions.EQUAL, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.NOT_EQUAL, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.LESS_THAN, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.LESS_THAN_OR_EQUAL, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.GREATER_THAN, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.GREATER_THAN_OR_EQUAL, simple(ComparisonKernels::resolve)),
      Map.entry(Functions.AND, simple(LogicalKernels::resolve)),
      Map.entry(Functions.OR, simple(LogicalKernels::resolve)),
      Map.entry(Functions.NOT, simple(LogicalKernels::resolve)),
      Map.entry(Functions.IS_NULL, simple(NullKernels::resolve)),
      Map.entry(Functions.IS_NOT_NULL, simple(NullKernels::resolve)),
      Map.entry(Functions.IS_TRUE, simple(NullKernels::resolve)),
      Map.entry(Functions.IS_FALSE, simple(NullKernels::resolve)),
      Map.entry(Functions.IS_NOT_TRUE, simple(NullKernels::resolve)),
      Map.entry(Functions.IS_NOT_FALSE, simple(NullKernels::resolve)),
      Map.entry(Functions.CAST, simple(CastKernels::resolve)),
      Map.entry(Functions.CASE, CaseExpression::compile),
      Map.entry(Functions.LIKE, LikeKernel::compile),
      Map.entry(Functions.IN, InKernel::compile),
      Map.entry(Functions.UPPER, simple(StringKernels::resolve)),
      Map.entry(Functions.LOWER, simple(StringKernels::resolve)),
      Map.entry(Functions.LENGTH, simple(StringKernels::resolve)),
      Map.entry(Functions.SUBSTR, simple(StringKernels::resolve)),
      Map.entry(Functions.TRIM, simple(StringKernels::resolve)),
      Map.entry(Functions.LTRIM, simple(StringKernels::resolve)),
      Map.entry(Functions.RTRIM, simple(StringKernels::resolve)),
      Map.entry(Functions.CONCAT, simple(StringKernels::resolve)),
      Map.entry(Functions.REVERSE, simple(StringKernels::resolve)),
      Map.entry(Functions.REPLACE, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.STRPOS, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.STARTS_WITH, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.SPLIT_PART, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.LPAD, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.RPAD, simple(StringSearchKernels::resolve)),
      Map.entry(Functions.REGEXP_LIKE, RegexKernels::compile),
      Map.entry(Functions.REGEXP_EXTRACT, RegexKernels::compile),
      Map.entry(Functions.REGEXP_REPLACE, RegexKernels::compile),
      Map.entry(Functions.ABS, simple(MathKernels::resolve)),
      Map.entry(Functions.SIGN, simple(MathKernels::resolve)),
      Map.entry(Functions.ROUND, simple(MathKernels::resolve)),
      Map.entry(Functions.TRUNCATE, simple(MathKernels::resolve)),
      Map.entry(Functions.FLOOR, simple(MathKernels::resolve)),
      Map.entry(Functions.CEIL, simple(MathKernels::resolve)),
      Map.entry(Functions.SQRT, simple(MathKernels::resolve)),
      Map.entry(Functions.POWER, simple(MathKernels::resolve)),
      Map.entry(Functions.LN, simple(MathKernels::resolve)),
      Map.entry(Functions.LOG10, simple(MathKernels::resolve)),
      Map.entry(Functions.LOG, simple(MathKernels::resolve)),
      Map.entry(Functions.EXP, simple(MathKernels::resolve)),
      Map.entry(Functions.GREATEST, simple(GreatestLeastKernel::resolve)),
      Map.entry(Functions.LEAST, simple(GreatestLeastKernel::resolve)),
      Map.entry(Functions.EXTRACT, DateTimeKernels::compile),
      Map.entry(Functions.DATE_TRUNC, DateTimeKernels::compile),
      Map.entry(Functions.DATE_ADD, DateTimeKernels::compile),
      Map.entry(Functions.DATE_DIFF, DateTimeKernels::compile),
      Map.entry(Functions.DATE_FORMAT, DateFormatKernels::compile),
      Map.entry(Functions.DATE_PARSE, DateFormatKernels::compile),
      Map.entry(Functions.FROM_UNIXTIME, DateFormatKernels::compile),
      Map.entry(Functions.TO_UNIXTIME, DateFormatKernels::compile));

  private FunctionRegistry() {}

  /** The expression computing {@code call} from its compiled {@code arguments}; NOT_SUPPORTED when none fits. */
  public static VectorExpression compile(Call call, List<VectorExpression> arguments) {
    if (SqlTypes.isNull(call.type()) && FUNCTIONS.containsKey(call.function())) {
      // The planner types a call as NULL only when it can only be NULL (e.g. upper(NULL)): no kernel needed.
      Field field = new Field(call.function(), FieldType.nullable(call.type()), null);
      Kernel nulls = (values, rowCount, allocator) -> Vectors.constant(field, null, rowCount, allocator);
      return new CallExpression(call.function(), nulls, List.of(), call.type());
    }
    FunctionCompiler compiler = FUNCTIONS.get(call.function());
    VectorExpression compiled = compiler == null ? null : compiler.compile(call, arguments);
    if (compiled == null) {
      throw TarnException.notSupported(signature(call));
    }
    return compiled;
  }

  /** {@code function name(type, ...)} for messages. */
  static String signature(Call call) {
    return "function " + call.function() + "("
        + call.args().stream().map(a -> SqlTypes.name(a.type())).collect(Collectors.joining(", ")) + ")";
  }

  /** Adapts a kernel resolver that takes the call (argument types, result type) and sees every argument. */
  private static FunctionCompiler simple(KernelResolver resolver) {
    return (call, arguments) -> {
      List<ArrowType> types = call.args().stream().map(Expr::type).toList();
      Kernel kernel = nullPropagating(call, types);
      if (kernel == null) {
        kernel = resolver.resolve(call.function(), types, call.type());
      }
      return kernel == null ? null : new CallExpression(call.function(), kernel, arguments, call.type());
    };
  }

  /**
   * An all-NULL kernel when an argument has the Null type and the function is NULL on NULL input, so that
   * kernel families only see concrete types.
   */
  private static Kernel nullPropagating(Call call, List<ArrowType> types) {
    boolean nullArgument = types.stream().anyMatch(SqlTypes::isNull);
    boolean strict = switch (call.function()) {
      case Functions.AND, Functions.OR, Functions.NOT, Functions.IS_NULL, Functions.IS_NOT_NULL, Functions.IS_TRUE,
          Functions.IS_FALSE, Functions.IS_NOT_TRUE, Functions.IS_NOT_FALSE -> false;
      default -> true;
    };
    if (!nullArgument || !strict) {
      return null;
    }
    Field field = new Field(call.function(), FieldType.nullable(call.type()), null);
    return (arguments, rowCount, allocator) -> Vectors.constant(field, null, rowCount, allocator);
  }

  /** Finds the kernel of one family for a function name, argument types and result type, or null. */
  @FunctionalInterface
  interface KernelResolver {
    Kernel resolve(String function, List<ArrowType> argumentTypes, ArrowType resultType);
  }
}
