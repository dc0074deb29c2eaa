package dev.tarn.engine.sql;

import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Makes JDBC escape functions ({@code {fn UCASE(s)}}) resolvable. Tarn's parser folds unquoted names to lower case,
 * but Calcite looks escape function names up in upper case, so every escape call would fail as undefined; this
 * upper-cases their names after parsing. The escapes then become the standard calls Calcite maps them to
 * ({@code UCASE} is {@code UPPER}), which Tarn runs like any other call.
 */
final class JdbcEscapes {
  private static final String PREFIX = "{fn ";

  private JdbcEscapes() {}

  static SqlNode normalize(SqlNode node) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited != null && visited.getOperator() instanceof SqlJdbcFunctionCall escape) {
          // The operator is named "{fn name}" after the name as parsed.
          String name = escape.getName().substring(PREFIX.length(), escape.getName().length() - 1);
          String upper = name.toUpperCase(Locale.ROOT);
          if (!upper.equals(name)) {
            return new SqlJdbcFunctionCall(upper).createCall(visited.getFunctionQuantifier(),
                visited.getParserPosition(), visited.getOperandList().toArray(new SqlNode[0]));
          }
        }
        return visited;
      }
    });
  }
}
