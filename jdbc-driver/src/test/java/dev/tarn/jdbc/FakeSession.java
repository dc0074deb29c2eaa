package dev.tarn.jdbc;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.api.StatementDescription;
import dev.tarn.engine.api.TarnSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A scripted TarnSession: each known statement (compared trimmed, case-insensitively, without a final ';')
 * answers with a fresh result; anything else fails with SYNTAX_ERROR, as a parser would.
 */
public final class FakeSession implements TarnSession {

  private final Map<String, Supplier<QueryResult>> answers = new LinkedHashMap<>();
  private final Set<String> databases;
  private String currentDatabase = "default";
  final List<String> executed = new ArrayList<>();
  final List<List<Object>> parameters = new ArrayList<>();
  final List<FakeQueryResult> results = new ArrayList<>();
  boolean closed;

  public FakeSession(Set<String> databases) {
    this.databases = databases;
  }

  public FakeSession answer(String sql, Supplier<QueryResult> result) {
    answers.put(normalize(sql), result);
    return this;
  }

  private static String normalize(String sql) {
    // Comments are not part of the statement, as for a real parser.
    String trimmed = sql.replaceAll("--[^\n]*", " ").trim();
    if (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
    }
    return trimmed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Override public String currentDatabase() { return currentDatabase; }

  @Override
  public void setCurrentDatabase(String database) {
    if (!databases.contains(database.toLowerCase(Locale.ROOT))) {
      throw new TarnException(ErrorCode.NOT_FOUND, database, "Database '" + database + "' does not exist");
    }
    currentDatabase = database.toLowerCase(Locale.ROOT);
  }

  @Override
  public QueryResult execute(String sql, List<Object> parameters) {
    executed.add(sql);
    this.parameters.add(parameters);
    Supplier<QueryResult> answer = answers.get(normalize(sql));
    if (answer == null) {
      throw new TarnException(ErrorCode.SYNTAX_ERROR, null, "Unknown statement at line 1: " + sql.trim());
    }
    QueryResult result = answer.get();
    if (result instanceof FakeQueryResult fake) {
      results.add(fake);
    }
    return result;
  }

  @Override
  public int parameterCount(String sql) {
    if (!answers.containsKey(normalize(sql))) {
      throw new TarnException(ErrorCode.SYNTAX_ERROR, null, "Unknown statement: " + sql.trim());
    }
    return (int) sql.chars().filter(character -> character == '?').count();
  }

  /** The scripted answer's schema, and one VARCHAR parameter per marker. */
  @Override
  public StatementDescription describe(String sql) {
    int markers = parameterCount(sql);
    List<Field> parameters = new ArrayList<>();
    for (int index = 1; index <= markers; index++) {
      parameters.add(Field.nullable("parameter_" + index, ArrowType.Utf8.INSTANCE));
    }
    try (QueryResult result = answers.get(normalize(sql)).get()) {
      return new StatementDescription(result.schema(), parameters);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
