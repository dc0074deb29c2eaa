package dev.tarn.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.ddl.DdlStatement.PartitionLiteral;
import dev.tarn.catalog.ddl.DdlStatement.TableName;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.store.CatalogException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdlParserTest {

  private static DdlStatement parse(String sql) {
    return DdlParser.parse(sql).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "  with x as (select 1) select * from x", "VALUES (1)", "EXPLAIN SELECT 1",
      "-- comment\n select 2", "/* create table */ SELECT 3", "", "(SELECT 1)"})
  void queriesAreNotDdl(String sql) {
    assertThat(DdlParser.parse(sql)).isEmpty();
  }

  @Test
  void createDatabaseWithEveryClause() {
    assertThat(parse("create database if not exists Sales COMMENT 'it''s money' LOCATION 'file:///lake/sales'"
        + " WITH DBPROPERTIES ('owner'='me', 'k'='v');"))
        .isEqualTo(new DdlStatement.CreateDatabase("sales", true, "it's money", "file:///lake/sales",
            Map.of("owner", "me", "k", "v")));
    assertThat(parse("CREATE SCHEMA s")).isEqualTo(new DdlStatement.CreateDatabase("s", false, null, null, Map.of()));
  }

  @Test
  void dropDatabaseAndTable() {
    assertThat(parse("DROP DATABASE IF EXISTS s CASCADE")).isEqualTo(new DdlStatement.DropDatabase("s", true, true));
    assertThat(parse("drop schema s restrict")).isEqualTo(new DdlStatement.DropDatabase("s", false, false));
    assertThat(parse("DROP TABLE IF EXISTS `Db`.\"T\"")).isEqualTo(new DdlStatement.DropTable(new TableName("db", "t"), true));
    assertThat(parse("DROP TABLE t")).isEqualTo(new DdlStatement.DropTable(new TableName(null, "t"), false));
  }

  @Test
  void createExternalTableWithEveryClause() {
    String sql = """
        -- the lineitem table
        CREATE EXTERNAL TABLE IF NOT EXISTS tpch.LineItem (
          l_orderkey BIGINT COMMENT 'order',
          `l_price` decimal(15, 2),
          l_flag varchar(1), l_c CHAR(3), l_qty INTEGER, l_tiny tinyint, l_small smallint, l_d double,
          l_f float, l_s string, l_date date, l_ts timestamp, l_b boolean /* trailing comment */
        )
        COMMENT 'lines'
        PARTITIONED BY (ship_year int, ship_date DATE)
        ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
        WITH SERDEPROPERTIES ('serialization.format' = '1')
        STORED AS PARQUET
        LOCATION 'file:///lake/tpch/lineitem/'
        TBLPROPERTIES ('parquet.compression'='SNAPPY', 'classification'='parquet');
        """;
    DdlStatement.CreateTable create = (DdlStatement.CreateTable) parse(sql);
    assertThat(create.name()).isEqualTo(new TableName("tpch", "lineitem"));
    assertThat(create.ifNotExists()).isTrue();
    assertThat(create.columns()).extracting(c -> c.name() + " " + c.type()).containsExactly("l_orderkey bigint",
        "l_price decimal(15,2)", "l_flag varchar(1)", "l_c char(3)", "l_qty int", "l_tiny tinyint",
        "l_small smallint", "l_d double", "l_f float", "l_s string", "l_date date", "l_ts timestamp", "l_b boolean");
    assertThat(create.columns().get(0).comment()).isEqualTo("order");
    assertThat(create.comment()).isEqualTo("lines");
    assertThat(create.partitionKeys()).containsExactly(Column.of("ship_year", "int"), Column.of("ship_date", "date"));
    assertThat(create.serde()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
    assertThat(create.serdeProperties()).containsExactly(Map.entry("serialization.format", "1"));
    assertThat(create.storedAs()).isEqualTo("PARQUET");
    assertThat(create.location()).isEqualTo("file:///lake/tpch/lineitem/");
    assertThat(create.tableProperties()).containsEntry("parquet.compression", "SNAPPY");

    DdlStatement.CreateTable formats = (DdlStatement.CreateTable) parse("CREATE EXTERNAL TABLE t (a int) STORED AS"
        + " INPUTFORMAT 'in.Format' OUTPUTFORMAT 'out.Format' LOCATION '/x'");
    assertThat(formats.inputFormat()).isEqualTo("in.Format");
    assertThat(formats.outputFormat()).isEqualTo("out.Format");
    assertThat(formats.storedAs()).isNull();
  }

  @Test
  void partitionStatements() {
    assertThat(parse("MSCK REPAIR TABLE db.t")).isEqualTo(new DdlStatement.RepairTable(new TableName("db", "t")));
    DdlStatement.AddPartitions add = (DdlStatement.AddPartitions) parse("ALTER TABLE t ADD IF NOT EXISTS"
        + " PARTITION (y = 2024, d = DATE '2024-01-31', r = 'eu') LOCATION '/x/1' PARTITION (y=-1, d=DATE '2024-02-01', r='us')");
    assertThat(add.ifNotExists()).isTrue();
    assertThat(add.partitions()).hasSize(2);
    assertThat(add.partitions().get(0).values()).containsExactly(
        Map.entry("y", new PartitionLiteral(PartitionLiteral.Kind.NUMBER, "2024")),
        Map.entry("d", new PartitionLiteral(PartitionLiteral.Kind.DATE, "2024-01-31")),
        Map.entry("r", new PartitionLiteral(PartitionLiteral.Kind.STRING, "eu")));
    assertThat(add.partitions().get(0).location()).isEqualTo("/x/1");
    assertThat(add.partitions().get(1).values().get("y").text()).isEqualTo("-1");
    assertThat(add.partitions().get(1).location()).isNull();

    DdlStatement.DropPartitions drop = (DdlStatement.DropPartitions) parse(
        "alter table db.t drop if exists partition (y=1), partition (y=2)");
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.partitions()).extracting(p -> p.values().get("y").text()).containsExactly("1", "2");
  }

  @Test
  void showDescribeAndUse() {
    assertThat(parse("SHOW DATABASES")).isEqualTo(new DdlStatement.ShowDatabases(null));
    assertThat(parse("show schemas like 'tp*'")).isEqualTo(new DdlStatement.ShowDatabases("tp*"));
    assertThat(parse("SHOW TABLES")).isEqualTo(new DdlStatement.ShowTables(null, null));
    assertThat(parse("SHOW TABLES IN tpch 'line*|ord*'")).isEqualTo(new DdlStatement.ShowTables("tpch", "line*|ord*"));
    assertThat(parse("SHOW PARTITIONS tpch.lineitem"))
        .isEqualTo(new DdlStatement.ShowPartitions(new TableName("tpch", "lineitem")));
    assertThat(parse("SHOW COLUMNS FROM lineitem IN tpch"))
        .isEqualTo(new DdlStatement.ShowColumns(new TableName("tpch", "lineitem")));
    assertThat(parse("SHOW COLUMNS IN x.y")).isEqualTo(new DdlStatement.ShowColumns(new TableName("x", "y")));
    assertThat(parse("DESCRIBE t")).isEqualTo(new DdlStatement.DescribeTable(new TableName(null, "t")));
    assertThat(parse("desc formatted d.t")).isEqualTo(new DdlStatement.DescribeTable(new TableName("d", "t")));
    assertThat(parse("SHOW CREATE TABLE d.t")).isEqualTo(new DdlStatement.ShowCreateTable(new TableName("d", "t")));
    assertThat(parse("use TPCH;")).isEqualTo(new DdlStatement.Use("tpch"));
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a int,)\nSTORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> {
          assertThat(e.code()).isEqualTo(CatalogException.Code.SYNTAX_ERROR);
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isEqualTo(32);
          assertThat(e.getMessage()).contains("line 1:32", "mismatched input ')'", "identifier");
        });
    assertThatThrownBy(() -> DdlParser.parse("SHOW TABLES IN db\n  garbage"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(3);
        });
    assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (a int) STORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> assertThat(e.getMessage()).contains("EXTERNAL"));
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> assertThat(e.getMessage()).contains("LOCATION"));
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a int) LOCATION '/x'"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> assertThat(e.getMessage()).contains("STORED AS"));
    assertThatThrownBy(() -> DdlParser.parse("DROP DATABASE 'x"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> assertThat(e.getMessage()).contains("unterminated"));
    assertThatThrownBy(() -> DdlParser.parse("ALTER TABLE t ADD PARTITION (a=1, a=2)"))
        .isInstanceOfSatisfying(DdlSyntaxException.class, e -> assertThat(e.getMessage()).contains("twice"));
    assertThatThrownBy(() -> DdlParser.parse("DROP TABLE t t2")).isInstanceOf(DdlSyntaxException.class);
    assertThatThrownBy(() -> DdlParser.parse("SHOW FUNCTIONS")).isInstanceOf(DdlSyntaxException.class);
  }

  @Test
  void badTypesAreInvalidInputNamingTheType() {
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a blob) STORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT);
          assertThat(e.object()).isEqualTo("blob");
          assertThat(e.getMessage()).contains("line 1:28");
        });
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a decimal(40,2)) STORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT));
    assertThatThrownBy(() -> DdlParser.parse("CREATE EXTERNAL TABLE t (a array<int>) STORED AS PARQUET LOCATION '/x'"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.getMessage()).contains("not supported"));
  }
}
