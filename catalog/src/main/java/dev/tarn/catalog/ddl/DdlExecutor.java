package dev.tarn.catalog.ddl;

import dev.tarn.catalog.ddl.DdlStatement.PartitionLiteral;
import dev.tarn.catalog.ddl.DdlStatement.PartitionSpec;
import dev.tarn.catalog.ddl.DdlStatement.TableName;
import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.SerDeInfo;
import dev.tarn.catalog.model.StorageDescriptor;
import dev.tarn.catalog.model.StorageFormat;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.store.CatalogException.Code;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs parsed DDL against a catalog and returns Athena-shaped results ({@code database_name}, {@code tab_name},
 * {@code partition}, {@code field}, {@code col_name/data_type/comment}, {@code createtab_stmt}). Unqualified table
 * names resolve in the session's current database. Failures are {@link CatalogException}s naming the object.
 */
public final class DdlExecutor {

  private static final List<String> DATABASE_COLUMNS = List.of("database_name");
  private static final List<String> TABLE_COLUMNS = List.of("tab_name");
  private static final List<String> PARTITION_COLUMNS = List.of("partition");
  private static final List<String> FIELD_COLUMNS = List.of("field");
  private static final List<String> DESCRIBE_COLUMNS = List.of("col_name", "data_type", "comment");
  private static final List<String> CREATE_TABLE_COLUMNS = List.of("createtab_stmt");

  private final CatalogStore store;
  private final FileSystem fileSystem;

  /** An executor over {@code store}; {@code fileSystem} resolves table locations for MSCK REPAIR TABLE. */
  public DdlExecutor(CatalogStore store, FileSystem fileSystem) {
    this.store = store;
    this.fileSystem = fileSystem;
  }

  /**
   * The columns {@link #execute} returns for {@code statement} (empty: a statement without a result set), known
   * without running it, so that a server can describe a statement before it executes.
   */
  public static List<String> resultColumns(DdlStatement statement) {
    if (statement instanceof DdlStatement.ShowDatabases) {
      return DATABASE_COLUMNS;
    }
    if (statement instanceof DdlStatement.ShowTables) {
      return TABLE_COLUMNS;
    }
    if (statement instanceof DdlStatement.ShowPartitions) {
      return PARTITION_COLUMNS;
    }
    if (statement instanceof DdlStatement.ShowColumns) {
      return FIELD_COLUMNS;
    }
    if (statement instanceof DdlStatement.DescribeTable) {
      return DESCRIBE_COLUMNS;
    }
    if (statement instanceof DdlStatement.ShowCreateTable) {
      return CREATE_TABLE_COLUMNS;
    }
    if (statement instanceof DdlStatement.RepairTable) {
      return PartitionRepair.RESULT_COLUMNS;
    }
    return List.of();
  }

  /** Executes {@code statement} with {@code currentDatabase} as the database of unqualified names. */
  public DdlResult execute(DdlStatement statement, String currentDatabase) {
    if (statement instanceof DdlStatement.CreateDatabase create) {
      boolean created = store.createDatabase(new Database(create.name(), create.comment(), create.location(),
          create.properties(), Instant.now()), create.ifNotExists());
      return DdlResult.done(created ? "Created database " + create.name() : "Database " + create.name() + " exists", 0);
    }
    if (statement instanceof DdlStatement.DropDatabase drop) {
      boolean dropped = store.dropDatabase(drop.name(), drop.ifExists(), drop.cascade());
      return DdlResult.done(dropped ? "Dropped database " + drop.name() : "Database " + drop.name() + " does not exist", 0);
    }
    if (statement instanceof DdlStatement.CreateTable create) {
      Table table = tableOf(create, currentDatabase);
      boolean created = store.createTable(table, create.ifNotExists());
      return DdlResult.done((created ? "Created table " : "Table exists: ") + qualified(table), 0);
    }
    if (statement instanceof DdlStatement.DropTable drop) {
      String database = drop.name().databaseOr(currentDatabase);
      boolean dropped = store.dropTable(database, drop.name().table(), drop.ifExists());
      return DdlResult.done((dropped ? "Dropped table " : "Table does not exist: ") + database + "." + drop.name().table(), 0);
    }
    if (statement instanceof DdlStatement.RepairTable repair) {
      return new PartitionRepair(store, fileSystem).repair(requireTable(repair.name(), currentDatabase));
    }
    if (statement instanceof DdlStatement.AddPartitions add) {
      return addPartitions(add, currentDatabase);
    }
    if (statement instanceof DdlStatement.DropPartitions drop) {
      Table table = requireTable(drop.name(), currentDatabase);
      List<List<String>> values = drop.partitions().stream().map(spec -> values(table, spec)).toList();
      int dropped = store.dropPartitions(table.databaseName(), table.name(), values, drop.ifExists());
      return DdlResult.done("Dropped " + dropped + " partitions from " + qualified(table), dropped);
    }
    if (statement instanceof DdlStatement.ShowDatabases show) {
      List<List<String>> rows = store.listDatabases().stream().map(Database::name)
          .filter(name -> matches(show.pattern(), name)).map(List::of).toList();
      return DdlResult.rows(DATABASE_COLUMNS, rows);
    }
    if (statement instanceof DdlStatement.ShowTables show) {
      String database = show.database() != null ? show.database() : currentDatabase;
      List<List<String>> rows = store.listTables(database).stream().map(Table::name)
          .filter(name -> matches(show.pattern(), name)).map(List::of).toList();
      return DdlResult.rows(TABLE_COLUMNS, rows);
    }
    if (statement instanceof DdlStatement.ShowPartitions show) {
      Table table = requireTable(show.name(), currentDatabase);
      if (!table.isPartitioned()) {
        throw new CatalogException(Code.INVALID_INPUT, qualified(table), "Table is not partitioned");
      }
      List<String> keys = table.partitionKeys().stream().map(Column::name).toList();
      List<List<String>> rows = store.listPartitions(table.databaseName(), table.name(), PartitionFilter.ALL).stream()
          .map(p -> List.of(PartitionValues.partitionPath(keys, p.values()))).toList();
      return DdlResult.rows(PARTITION_COLUMNS, rows);
    }
    if (statement instanceof DdlStatement.ShowColumns show) {
      Table table = requireTable(show.name(), currentDatabase);
      return DdlResult.rows(FIELD_COLUMNS, table.allColumns().stream().map(c -> List.of(c.name())).toList());
    }
    if (statement instanceof DdlStatement.DescribeTable describe) {
      return describe(requireTable(describe.name(), currentDatabase));
    }
    if (statement instanceof DdlStatement.ShowCreateTable show) {
      Table table = requireTable(show.name(), currentDatabase);
      return DdlResult.rows(CREATE_TABLE_COLUMNS, CreateTableText.lines(table).stream().map(List::of).toList());
    }
    if (statement instanceof DdlStatement.Use use) {
      Database database = store.getDatabase(use.database())
          .orElseThrow(() -> new CatalogException(Code.NOT_FOUND, use.database(), "Database does not exist"));
      return new DdlResult(List.of(), List.of(), "Using database " + database.name(), 0, database.name());
    }
    throw new IllegalArgumentException("Unknown DDL statement " + statement);
  }

  private Table tableOf(DdlStatement.CreateTable create, String currentDatabase) {
    String database = create.name().databaseOr(currentDatabase);
    String name = database + "." + create.name().table();
    StorageFormat format = create.storedAs() != null
        ? StorageFormat.fromName(create.storedAs()).orElseThrow(() -> new CatalogException(Code.INVALID_INPUT, name,
            "Unsupported storage format " + create.storedAs() + "; Tarn reads PARQUET (and records AVRO)"))
        : Arrays.stream(StorageFormat.values()).filter(f -> f.inputFormat().equals(create.inputFormat())).findFirst()
            .orElseThrow(() -> new CatalogException(Code.INVALID_INPUT, name,
                "Unsupported INPUTFORMAT '" + create.inputFormat() + "'"));
    List<String> names = new ArrayList<>();
    create.columns().forEach(c -> names.add(c.name()));
    create.partitionKeys().forEach(c -> names.add(c.name()));
    if (names.stream().distinct().count() != names.size()) {
      throw new CatalogException(Code.INVALID_INPUT, name, "Duplicate column name in " + names);
    }
    SerDeInfo serde = create.serde() == null ? format.serDeInfo()
        : new SerDeInfo(null, create.serde(), create.serdeProperties());
    StorageDescriptor sd = new StorageDescriptor(create.columns(), create.location(),
        create.inputFormat() != null ? create.inputFormat() : format.inputFormat(),
        create.outputFormat() != null ? create.outputFormat() : format.outputFormat(), false, 0, serde, Map.of());
    Map<String, String> parameters = new LinkedHashMap<>(create.tableProperties());
    parameters.putIfAbsent("classification", format.classification());
    parameters.putIfAbsent("EXTERNAL", "TRUE");
    Instant now = Instant.now();
    return new Table(create.name().table(), database, create.comment(), null, now, now, sd, create.partitionKeys(),
        Table.EXTERNAL_TABLE, parameters);
  }

  private DdlResult addPartitions(DdlStatement.AddPartitions add, String currentDatabase) {
    Table table = requireTable(add.name(), currentDatabase);
    List<String> keys = table.partitionKeys().stream().map(Column::name).toList();
    List<Partition> partitions = new ArrayList<>();
    for (PartitionSpec spec : add.partitions()) {
      List<String> values = values(table, spec);
      // Hive's default: the key=value folders under the table location, with a trailing slash as Athena writes it.
      String location = spec.location() != null ? spec.location()
          : fileSystem.child(table.storageDescriptor().location(), PartitionValues.partitionPath(keys, values) + "/");
      partitions.add(new Partition(values, table.databaseName(), table.name(), null,
          table.storageDescriptor().withLocation(location), Map.of()));
    }
    int added = store.addPartitions(table.databaseName(), table.name(), partitions, add.ifNotExists());
    return DdlResult.done("Added " + added + " partitions to " + qualified(table), added);
  }

  /** The partition values of {@code spec} in key order, validated against the key types. */
  private static List<String> values(Table table, PartitionSpec spec) {
    List<Column> keys = table.partitionKeys();
    if (!spec.values().keySet().equals(new java.util.HashSet<>(keys.stream().map(Column::name).toList()))) {
      throw new CatalogException(Code.INVALID_INPUT, qualified(table), "PARTITION must give exactly the keys "
          + keys.stream().map(Column::name).toList() + " but gave " + spec.values().keySet());
    }
    List<String> values = new ArrayList<>();
    for (Column key : keys) {
      PartitionLiteral literal = spec.values().get(key.name());
      HiveType type = HiveType.parse(key.type());
      boolean kindFits = switch (literal.kind()) {
        case DATE -> type.kind() == HiveType.Kind.DATE || type.kind() == HiveType.Kind.STRING;
        case NUMBER -> type.kind() != HiveType.Kind.DATE;
        case STRING -> true;
      };
      if (!kindFits || !PartitionValues.fits(type, literal.text())) {
        throw new CatalogException(Code.INVALID_INPUT, qualified(table),
            "Partition value " + literal.text() + " is not a valid " + type + " for key " + key.name());
      }
      values.add(PartitionValues.normalize(type, literal.text(), key.name()));
    }
    return values;
  }

  private static DdlResult describe(Table table) {
    List<List<String>> rows = new ArrayList<>();
    table.storageDescriptor().columns().forEach(c -> rows.add(describeRow(c)));
    if (table.isPartitioned()) {
      rows.add(List.of("", "", ""));
      rows.add(List.of("# Partition Information", "", ""));
      rows.add(List.of("# col_name", "data_type", "comment"));
      table.partitionKeys().forEach(c -> rows.add(describeRow(c)));
    }
    return DdlResult.rows(DESCRIBE_COLUMNS, rows);
  }

  private static List<String> describeRow(Column column) {
    return List.of(column.name(), column.type(), column.comment() == null ? "" : column.comment());
  }

  private Table requireTable(TableName name, String currentDatabase) {
    String database = name.databaseOr(currentDatabase);
    return store.getTable(database, name.table()).orElseThrow(() -> {
      if (store.getDatabase(database).isEmpty()) {
        return new CatalogException(Code.NOT_FOUND, database, "Database does not exist");
      }
      return new CatalogException(Code.NOT_FOUND, database + "." + name.table(), "Table does not exist");
    });
  }

  /** Hive's SHOW pattern: {@code *} matches anything, {@code |} separates alternatives, case-insensitive. */
  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    for (String alternative : pattern.split("\\|")) {
      String regex = Arrays.stream(alternative.trim().split("\\*", -1)).map(Pattern::quote)
          .reduce((a, b) -> a + ".*" + b).orElse("");
      if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String qualified(Table table) {
    return table.databaseName() + "." + table.name();
  }
}
