package dev.tarn.catalog.ddl;

import dev.tarn.catalog.model.Column;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One parsed Athena DDL statement: one record per statement kind. Names are lower case; values are unquoted. */
public sealed interface DdlStatement {

  /** A table name as written: {@code database} is null when the statement did not qualify it. */
  record TableName(String database, String table) {
    public TableName {
      database = database == null ? null : database.toLowerCase(Locale.ROOT);
      table = table.toLowerCase(Locale.ROOT);
    }

    /** The database this name refers to when {@code currentDatabase} is the session's database. */
    public String databaseOr(String currentDatabase) {
      return database != null ? database : currentDatabase.toLowerCase(Locale.ROOT);
    }
  }

  /** A literal in a {@code PARTITION (k = literal)} clause: {@code 'text'}, {@code 123} or {@code DATE '2020-01-01'}. */
  record PartitionLiteral(Kind kind, String text) {
    public enum Kind { STRING, NUMBER, DATE }
  }

  /** {@code PARTITION (k1 = v1, ...) [LOCATION '...']}: values by key name in written order; location may be null. */
  record PartitionSpec(Map<String, PartitionLiteral> values, String location) {
    public PartitionSpec {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** {@code CREATE DATABASE [IF NOT EXISTS] db [COMMENT] [LOCATION] [WITH DBPROPERTIES (...)]}. */
  record CreateDatabase(String name, boolean ifNotExists, String comment, String location,
      Map<String, String> properties) implements DdlStatement {
    public CreateDatabase {
      properties = Map.copyOf(properties);
    }
  }

  /** {@code DROP DATABASE [IF EXISTS] db [CASCADE | RESTRICT]}. */
  record DropDatabase(String name, boolean ifExists, boolean cascade) implements DdlStatement {}

  /**
   * {@code CREATE EXTERNAL TABLE}: either {@code storedAs} (a format name) or {@code inputFormat} and
   * {@code outputFormat} are set; {@code serde} is null without {@code ROW FORMAT SERDE}.
   */
  record CreateTable(TableName name, boolean ifNotExists, List<Column> columns, String comment,
      List<Column> partitionKeys, String serde, Map<String, String> serdeProperties, String storedAs,
      String inputFormat, String outputFormat, String location, Map<String, String> tableProperties)
      implements DdlStatement {
    public CreateTable {
      columns = List.copyOf(columns);
      partitionKeys = List.copyOf(partitionKeys);
      serdeProperties = Collections.unmodifiableMap(new LinkedHashMap<>(serdeProperties));
      tableProperties = Collections.unmodifiableMap(new LinkedHashMap<>(tableProperties));
    }
  }

  /** {@code DROP TABLE [IF EXISTS] t}. */
  record DropTable(TableName name, boolean ifExists) implements DdlStatement {}

  /** {@code MSCK REPAIR TABLE t}. */
  record RepairTable(TableName name) implements DdlStatement {}

  /** {@code ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] ...}. */
  record AddPartitions(TableName name, boolean ifNotExists, List<PartitionSpec> partitions) implements DdlStatement {
    public AddPartitions {
      partitions = List.copyOf(partitions);
    }
  }

  /** {@code ALTER TABLE t DROP [IF EXISTS] PARTITION (...), PARTITION (...)}. */
  record DropPartitions(TableName name, boolean ifExists, List<PartitionSpec> partitions) implements DdlStatement {
    public DropPartitions {
      partitions = List.copyOf(partitions);
    }
  }

  /** {@code SHOW DATABASES | SCHEMAS [LIKE 'pattern']}; pattern may be null. */
  record ShowDatabases(String pattern) implements DdlStatement {}

  /** {@code SHOW TABLES [IN db] ['pattern']}; database and pattern may be null. */
  record ShowTables(String database, String pattern) implements DdlStatement {}

  /** {@code SHOW PARTITIONS t}. */
  record ShowPartitions(TableName name) implements DdlStatement {}

  /** {@code SHOW COLUMNS IN t [IN db]}. */
  record ShowColumns(TableName name) implements DdlStatement {}

  /** {@code DESCRIBE t} (or {@code DESC t}). */
  record DescribeTable(TableName name) implements DdlStatement {}

  /** {@code SHOW CREATE TABLE t}. */
  record ShowCreateTable(TableName name) implements DdlStatement {}

  /** {@code USE db}. */
  record Use(String database) implements DdlStatement {}
}
