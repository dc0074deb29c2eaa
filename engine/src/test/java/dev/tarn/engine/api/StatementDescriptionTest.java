package dev.tarn.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.sql.TypeMapping;
import dev.tarn.engine.testing.ResultRowsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TarnSession#describe}: result columns and parameter types without running the statement. */
class StatementDescriptionTest {

  @TempDir
  Path dir;
  private TarnEngine engine;
  private TarnSession session;

  @BeforeEach
  void open() throws Exception {
    engine = TarnEngine.open(EngineConfig.defaults(dir.resolve("warehouse")));
    session = engine.openSession(null);
    Path data = Files.createDirectories(dir.resolve("t"));
    run("CREATE EXTERNAL TABLE t (a bigint, b varchar(10), d date, p decimal(12,2)) STORED AS PARQUET LOCATION '"
        + data + "'");
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
  }

  private void run(String sql) {
    try (QueryResult result = session.execute(sql)) {
      ResultRowsReader.read(result);
    }
  }

  private static List<ArrowType> types(List<Field> fields) {
    return fields.stream().map(Field::getType).toList();
  }

  @Test
  void aQueryIsDescribedWithTheSchemaItsExecutionReturns() {
    String sql = "SELECT a, b AS bee, p * 2, count(*) OVER () AS n FROM t";
    StatementDescription description = session.describe(sql);
    try (QueryResult result = session.execute(sql)) {
      assertThat(description.resultSchema()).isEqualTo(result.schema());
    }
    assertThat(description.resultSchema().getFields()).extracting(Field::getName)
        .containsExactly("a", "bee", "_col2", "n");
    assertThat(description.hasResultSet()).isTrue();
    assertThat(description.parameters()).isEmpty();
  }

  @Test
  void markersTakeTheTypeOfTheirContextAlsoInSubqueries() {
    StatementDescription description = session.describe(
        "SELECT b FROM t WHERE a = ? AND p > ? AND a IN (SELECT a FROM t WHERE d = ?)");
    assertThat(types(description.parameters())).containsExactly(TypeMapping.BIGINT,
        TypeMapping.decimal(12, 2), TypeMapping.DATE);
    assertThat(description.parameters()).allMatch(Field::isNullable);
    assertThat(types(description.resultSchema().getFields())).containsExactly(TypeMapping.VARCHAR);
  }

  @Test
  void markersWithoutContextAreVarchar() {
    StatementDescription description = session.describe("SELECT ? AS x, a FROM t WHERE a = ?");
    assertThat(types(description.parameters())).containsExactly(TypeMapping.VARCHAR, TypeMapping.VARCHAR);
    assertThat(description.resultSchema().getFields()).extracting(Field::getName).containsExactly("x", "a");
    assertThat(types(description.resultSchema().getFields())).containsExactly(TypeMapping.VARCHAR, TypeMapping.BIGINT);
  }

  @Test
  void ddlShowAndExplainHaveFixedColumnsAndNothingRuns() {
    assertThat(session.describe("SHOW TABLES").resultSchema().getFields()).extracting(Field::getName)
        .containsExactly("tab_name");
    assertThat(session.describe("DESCRIBE t").resultSchema().getFields()).extracting(Field::getName)
        .containsExactly("col_name", "data_type", "comment");
    StatementDescription create = session.describe("CREATE DATABASE never");
    assertThat(create.hasResultSet()).isFalse();
    assertThat(session.describe("USE never").hasResultSet()).isFalse();
    assertThat(engine.catalog().getDatabase("never")).isEmpty();
    assertThat(session.currentDatabase()).isEqualTo("default");

    StatementDescription explain = session.describe("EXPLAIN SELECT a FROM t WHERE d = ?");
    assertThat(explain.resultSchema().getFields()).extracting(Field::getName).containsExactly("Query Plan");
    assertThat(types(explain.parameters())).containsExactly(TypeMapping.DATE);
    try (QueryResult result = session.execute("SHOW TABLES")) {
      assertThat(session.describe("SHOW TABLES").resultSchema()).isEqualTo(result.schema());
    }
  }

  @Test
  void failuresAreTheExecutionsButLeaveNoQueryInTheHistory() {
    int before = engine.queryLog().records().size();
    assertThatThrownBy(() -> session.describe("SELECT * FROM missing"))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .isNotInstanceOf(QueryFailedException.class);
    assertThatThrownBy(() -> session.describe("SELEC 1"))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    assertThat(engine.queryLog().records()).hasSize(before);
  }
}
