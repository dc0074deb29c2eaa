package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC surface Tarn does not support, found by reflection over the interfaces: every such method of
 * {@link ResultSet}, {@link Statement} and {@link PreparedStatement} throws {@link SQLFeatureNotSupportedException}
 * with SQLSTATE 0A000, never returning silently; and every other method, called with plain arguments, never claims
 * to be unsupported (its results are asserted in the getter, cursor and statement tests).
 */
class UnsupportedApiTest {

  @RegisterExtension
  static final EngineFixture FIXTURE = new EngineFixture(1);

  /** Updates, scrolling, named cursors, and value types Tarn does not have. */
  private static final Pattern UNSUPPORTED_RESULT_SET = Pattern.compile(
      "update.*|insertRow|deleteRow|refreshRow|cancelRowUpdates|moveToInsertRow|moveToCurrentRow"
          + "|previous|first|last|beforeFirst|afterLast|absolute|relative|getCursorName"
          + "|getRef|getBlob|getClob|getNClob|getArray|getRowId|getSQLXML|getURL");
  /** Not called by the sweep: they move or end the cursor; the cursor tests cover them. */
  private static final Set<String> CURSOR_MOVES = Set.of("next", "close");

  @Test
  void unsupportedResultSetMethodsThrowFeatureNotSupported() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT k, s FROM numbers WHERE k < 3")) {
      assertThat(rows.next()).isTrue();
      List<String> unsupported = new ArrayList<>();
      for (Method method : ResultSet.class.getMethods()) {
        if (Modifier.isStatic(method.getModifiers()) || CURSOR_MOVES.contains(method.getName())) {
          continue;
        }
        Throwable thrown = invoke(rows, method);
        if (UNSUPPORTED_RESULT_SET.matcher(method.getName()).matches()) {
          assertFeatureNotSupported(method, thrown);
          unsupported.add(method.getName());
        } else {
          assertSupported(method, thrown);
        }
      }
      assertThat(unsupported).as("every update method, both by index and by label").hasSizeGreaterThan(100);
      assertThat(rows.isClosed()).isFalse();
      assertThat(rows.getLong(1)).as("the sweep left the cursor where it was").isBetween(0L, 2L);
    }
  }

  @Test
  void unsupportedStatementMethodsThrowFeatureNotSupported() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement()) {
      sweep(statement, Statement.class, Set.of("setCursorName"));
      assertThat(statement.isClosed()).isFalse();
      List<Object[]> generatedKeys = List.of(new Object[] {"SELECT 1", new int[] {1}},
          new Object[] {"SELECT 1", new String[] {"k"}});
      for (String name : List.of("execute", "executeUpdate", "executeLargeUpdate")) {
        for (Object[] arguments : generatedKeys) {
          Method method = Statement.class.getMethod(name, String.class, arguments[1].getClass());
          assertFeatureNotSupported(method, invoke(statement, method, arguments));
        }
        Method withFlag = Statement.class.getMethod(name, String.class, int.class);
        assertFeatureNotSupported(withFlag,
            invoke(statement, withFlag, "CREATE DATABASE IF NOT EXISTS x", Statement.RETURN_GENERATED_KEYS));
      }
      Method moreResults = Statement.class.getMethod("getMoreResults", int.class);
      assertFeatureNotSupported(moreResults, invoke(statement, moreResults, Statement.KEEP_CURRENT_RESULT));
      assertFeatureNotSupported(moreResults, invoke(statement, moreResults, Statement.CLOSE_ALL_RESULTS));
    }
  }

  @Test
  void unsupportedPreparedStatementMethodsThrowFeatureNotSupported() throws Exception {
    try (Connection connection = FIXTURE.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM numbers WHERE k < ?")) {
      sweep(statement, PreparedStatement.class, Set.of("setCursorName", "setTime", "setBytes", "setAsciiStream",
          "setUnicodeStream", "setBinaryStream", "setCharacterStream", "setNCharacterStream", "setRef", "setBlob",
          "setClob", "setNClob", "setArray", "setURL", "setRowId", "setSQLXML"));
      assertThat(statement.isClosed()).isFalse();
      statement.setLong(1, 10);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(10);
      }
    }
  }

  /**
   * Calls every method of {@code api} but those that end or reconfigure the statement for good; those named in
   * {@code unsupported} must throw SQLFeatureNotSupportedException, the others must not.
   */
  private static void sweep(Statement statement, Class<?> api, Set<String> unsupported) throws Exception {
    Set<String> skipped = Set.of("close", "closeOnCompletion", "cancel");
    for (Method method : api.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || skipped.contains(method.getName())) {
        continue;
      }
      Throwable thrown = invoke(statement, method);
      if (unsupported.contains(method.getName()) || asksForGeneratedKeyColumns(method)) {
        assertFeatureNotSupported(method, thrown);
      } else {
        assertSupported(method, thrown);
      }
    }
  }

  /** Invokes {@code method} with plain arguments; returns what it threw, or null. */
  private static Throwable invoke(Object target, Method method, Object... arguments) throws IllegalAccessException {
    Class<?>[] parameters = method.getParameterTypes();
    Object[] values = arguments.length > 0 ? arguments : Arrays.stream(parameters)
        .map(UnsupportedApiTest::plainArgument).toArray();
    if (arguments.length == 0 && method.getName().startsWith("execute") && parameters.length == 2
        && parameters[1] == int.class) {
      values[1] = Statement.NO_GENERATED_KEYS; // a plain 1 would be RETURN_GENERATED_KEYS, tested on its own
    }
    try {
      Object result = method.invoke(target, values);
      if (result instanceof ResultSet produced && result != target) {
        produced.close(); // a result set a statement sweep produced (never the connection or statement)
      }
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  private static Object plainArgument(Class<?> type) {
    if (type == int.class || type == long.class) {
      return type == int.class ? (Object) 1 : (Object) 1L;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == byte.class || type == short.class || type == float.class || type == double.class) {
      return switch (type.getName()) {
        case "byte" -> (byte) 1;
        case "short" -> (short) 1;
        case "float" -> 1f;
        default -> 1d;
      };
    }
    if (type == String.class) {
      return "s";
    }
    if (type == Class.class) {
      return String.class;
    }
    if (type == Calendar.class) {
      return Calendar.getInstance();
    }
    if (type == Map.class) {
      return Map.of();
    }
    if (type == SQLType.class) {
      return JDBCType.VARCHAR;
    }
    return null;
  }

  /** execute/executeUpdate/executeLargeUpdate naming the generated-key columns: Tarn generates no keys. */
  private static boolean asksForGeneratedKeyColumns(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    return parameters.length == 2 && (parameters[1] == int[].class || parameters[1] == String[].class);
  }

  private static void assertSupported(Method method, Throwable thrown) {
    assertThat(thrown instanceof SQLFeatureNotSupportedException)
        .as("%s claims to be unsupported: %s", signature(method), thrown).isFalse();
  }

  private static void assertFeatureNotSupported(Method method, Throwable thrown) {
    assertThat(thrown).as("%s must throw SQLFeatureNotSupportedException", signature(method))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThat(((SQLException) thrown).getSQLState()).as(signature(method)).isEqualTo("0A000");
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.toString(method.getParameterTypes());
  }
}
