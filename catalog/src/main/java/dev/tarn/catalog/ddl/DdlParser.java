package dev.tarn.catalog.ddl;

import dev.tarn.catalog.ddl.DdlLexer.Kind;
import dev.tarn.catalog.ddl.DdlLexer.Token;
import dev.tarn.catalog.ddl.DdlStatement.PartitionLiteral;
import dev.tarn.catalog.ddl.DdlStatement.PartitionSpec;
import dev.tarn.catalog.ddl.DdlStatement.TableName;
import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.store.CatalogException;
import dev.tarn.catalog.types.HiveType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the Athena (Hive) DDL Tarn supports. Statements that are not DDL (queries:
 * SELECT, WITH, VALUES, EXPLAIN, ...) give an empty result so the caller hands them to the engine; malformed DDL
 * fails with {@link DdlSyntaxException} naming the line and column. Keywords are case-insensitive.
 */
public final class DdlParser {

  private static final Set<String> DDL_KEYWORDS = Set.of("CREATE", "DROP", "ALTER", "MSCK", "SHOW", "DESCRIBE", "DESC", "USE");
  private static final Pattern FIRST_WORD = Pattern.compile("^(?:\\s|--[^\\n]*\\n?|/\\*.*?\\*/)*([A-Za-z]+)", Pattern.DOTALL);

  private final List<Token> tokens;
  private int index;

  private DdlParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The DDL statement in {@code sql}, or empty when {@code sql} is not DDL; SYNTAX_ERROR for malformed DDL. */
  public static Optional<DdlStatement> parse(String sql) {
    var firstWord = FIRST_WORD.matcher(sql);
    if (!firstWord.find() || !DDL_KEYWORDS.contains(firstWord.group(1).toUpperCase(Locale.ROOT))) {
      return Optional.empty(); // a query (or nothing): not ours to parse
    }
    DdlParser parser = new DdlParser(DdlLexer.tokenize(sql));
    DdlStatement statement = parser.statement();
    parser.accept(';');
    parser.expectEnd();
    return Optional.of(statement);
  }

  private DdlStatement statement() {
    Token first = next();
    return switch (first.text().toUpperCase(Locale.ROOT)) {
      case "CREATE" -> create();
      case "DROP" -> drop();
      case "ALTER" -> alter();
      case "MSCK" -> {
        expectWord("REPAIR");
        expectWord("TABLE");
        yield new DdlStatement.RepairTable(tableName());
      }
      case "SHOW" -> show();
      case "DESCRIBE", "DESC" -> {
        if (!acceptWord("EXTENDED")) {
          acceptWord("FORMATTED");
        }
        yield new DdlStatement.DescribeTable(tableName());
      }
      case "USE" -> new DdlStatement.Use(identifier());
      default -> throw error(first, "expected a DDL statement");
    };
  }

  // ---------------------------------------------------------------- CREATE / DROP

  private DdlStatement create() {
    if (acceptWord("DATABASE") || acceptWord("SCHEMA")) {
      boolean ifNotExists = ifNotExists();
      String name = identifier();
      String comment = null;
      String location = null;
      Map<String, String> properties = Map.of();
      while (true) {
        if (acceptWord("COMMENT")) {
          comment = string();
        } else if (acceptWord("LOCATION")) {
          location = string();
        } else if (acceptWord("WITH")) {
          expectWord("DBPROPERTIES");
          properties = properties();
        } else {
          return new DdlStatement.CreateDatabase(name, ifNotExists, comment, location, properties);
        }
      }
    }
    if (peek().isWord("TABLE")) {
      throw error(peek(), "CREATE TABLE requires EXTERNAL: Tarn, like Athena, only creates external tables"
          + " (CREATE EXTERNAL TABLE ... LOCATION '...')");
    }
    if (peek().isWord("VIEW") || peek().isWord("OR")) {
      throw error(peek(), "views are not supported yet");
    }
    expectWord("EXTERNAL");
    expectWord("TABLE");
    return createTable();
  }

  private DdlStatement createTable() {
    boolean ifNotExists = ifNotExists();
    TableName name = tableName();
    List<Column> columns = columnDefinitions();
    String comment = null;
    List<Column> partitionKeys = List.of();
    String serde = null;
    Map<String, String> serdeProperties = Map.of();
    String storedAs = null;
    String inputFormat = null;
    String outputFormat = null;
    String location = null;
    Map<String, String> tableProperties = Map.of();
    while (!peek().isSymbol(';') && peek().kind() != Kind.END) {
      Token clause = peek();
      if (acceptWord("COMMENT")) {
        comment = string();
      } else if (acceptWord("PARTITIONED")) {
        expectWord("BY");
        partitionKeys = columnDefinitions();
      } else if (acceptWord("ROW")) {
        expectWord("FORMAT");
        if (!peek().isWord("SERDE")) {
          throw error(peek(), "only ROW FORMAT SERDE '...' is supported");
        }
        expectWord("SERDE");
        serde = string();
        if (acceptWord("WITH")) {
          expectWord("SERDEPROPERTIES");
          serdeProperties = properties();
        }
      } else if (acceptWord("STORED")) {
        expectWord("AS");
        if (acceptWord("INPUTFORMAT")) {
          inputFormat = string();
          expectWord("OUTPUTFORMAT");
          outputFormat = string();
        } else {
          storedAs = identifier().toUpperCase(Locale.ROOT);
        }
      } else if (acceptWord("LOCATION")) {
        location = string();
      } else if (acceptWord("TBLPROPERTIES")) {
        tableProperties = properties();
      } else {
        throw error(clause, "expected COMMENT, PARTITIONED BY, ROW FORMAT, STORED AS, LOCATION or TBLPROPERTIES");
      }
    }
    if (storedAs == null && inputFormat == null) {
      throw error(peek(), "CREATE EXTERNAL TABLE needs STORED AS (for example STORED AS PARQUET)");
    }
    if (location == null) {
      throw error(peek(), "CREATE EXTERNAL TABLE needs LOCATION '<path or URI>'");
    }
    return new DdlStatement.CreateTable(name, ifNotExists, columns, comment, partitionKeys, serde, serdeProperties,
        storedAs, inputFormat, outputFormat, location, tableProperties);
  }

  private DdlStatement drop() {
    if (acceptWord("DATABASE") || acceptWord("SCHEMA")) {
      boolean ifExists = ifExists();
      String name = identifier();
      boolean cascade = acceptWord("CASCADE");
      if (!cascade) {
        acceptWord("RESTRICT");
      }
      return new DdlStatement.DropDatabase(name, ifExists, cascade);
    }
    if (!peek().isWord("TABLE")) {
      throw error(peek(), "expected DATABASE, SCHEMA or TABLE");
    }
    expectWord("TABLE");
    boolean ifExists = ifExists();
    return new DdlStatement.DropTable(tableName(), ifExists);
  }

  // ---------------------------------------------------------------- ALTER

  private DdlStatement alter() {
    expectWord("TABLE");
    TableName name = tableName();
    if (acceptWord("ADD")) {
      boolean ifNotExists = ifNotExists();
      List<PartitionSpec> partitions = new ArrayList<>();
      do {
        Map<String, PartitionLiteral> values = partitionValues();
        String location = acceptWord("LOCATION") ? string() : null;
        partitions.add(new PartitionSpec(values, location));
      } while (peek().isWord("PARTITION"));
      return new DdlStatement.AddPartitions(name, ifNotExists, partitions);
    }
    if (acceptWord("DROP")) {
      boolean ifExists = ifExists();
      List<PartitionSpec> partitions = new ArrayList<>();
      do {
        partitions.add(new PartitionSpec(partitionValues(), null));
      } while (accept(','));
      return new DdlStatement.DropPartitions(name, ifExists, partitions);
    }
    throw error(peek(), "only ALTER TABLE ... ADD PARTITION and DROP PARTITION are supported");
  }

  private Map<String, PartitionLiteral> partitionValues() {
    expectWord("PARTITION");
    expect('(');
    Map<String, PartitionLiteral> values = new LinkedHashMap<>();
    do {
      Token keyToken = peek();
      String key = identifier();
      expect('=');
      if (values.put(key, partitionLiteral()) != null) {
        throw error(keyToken, "partition key " + key + " is given twice");
      }
    } while (accept(','));
    expect(')');
    return values;
  }

  private PartitionLiteral partitionLiteral() {
    Token token = peek();
    if (token.kind() == Kind.STRING) {
      return new PartitionLiteral(PartitionLiteral.Kind.STRING, next().text());
    }
    if (acceptWord("DATE")) {
      return new PartitionLiteral(PartitionLiteral.Kind.DATE, string());
    }
    boolean negative = accept('-');
    if (peek().kind() == Kind.NUMBER) {
      return new PartitionLiteral(PartitionLiteral.Kind.NUMBER, (negative ? "-" : "") + next().text());
    }
    throw error(peek(), "expected a partition value: 'string', a number or DATE 'yyyy-mm-dd'");
  }

  // ---------------------------------------------------------------- SHOW

  private DdlStatement show() {
    Token what = next();
    switch (what.text().toUpperCase(Locale.ROOT)) {
      case "DATABASES", "SCHEMAS" -> {
        return new DdlStatement.ShowDatabases(acceptWord("LIKE") ? string() : optionalString());
      }
      case "TABLES" -> {
        String database = acceptWord("IN") || acceptWord("FROM") ? identifier() : null;
        acceptWord("LIKE");
        return new DdlStatement.ShowTables(database, optionalString());
      }
      case "PARTITIONS" -> {
        return new DdlStatement.ShowPartitions(tableName());
      }
      case "COLUMNS" -> {
        if (!acceptWord("IN") && !acceptWord("FROM")) {
          throw error(peek(), "expected IN or FROM");
        }
        TableName name = tableName();
        if (acceptWord("IN") || acceptWord("FROM")) {
          name = new TableName(identifier(), name.table());
        }
        return new DdlStatement.ShowColumns(name);
      }
      case "CREATE" -> {
        expectWord("TABLE");
        return new DdlStatement.ShowCreateTable(tableName());
      }
      default -> throw error(what, "expected DATABASES, SCHEMAS, TABLES, PARTITIONS, COLUMNS or CREATE TABLE");
    }
  }

  // ---------------------------------------------------------------- pieces

  private List<Column> columnDefinitions() {
    expect('(');
    List<Column> columns = new ArrayList<>();
    do {
      String name = identifier();
      String type = type();
      String comment = acceptWord("COMMENT") ? string() : null;
      columns.add(new Column(name, type, comment, null));
    } while (accept(','));
    expect(')');
    return columns;
  }

  /** A primitive Hive type such as {@code decimal(15, 2)}, validated and in canonical spelling. */
  private String type() {
    Token start = peek();
    StringBuilder text = new StringBuilder(identifier());
    if (peek().isSymbol('<')) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, text.toString(), "line " + start.line() + ":"
          + start.column() + ": complex type " + text + "<...> is not supported yet");
    }
    if (accept('(')) {
      text.append('(').append(number());
      if (accept(',')) {
        text.append(',').append(number());
      }
      expect(')');
      text.append(')');
    }
    try {
      return HiveType.parse(text.toString()).toString();
    } catch (CatalogException e) {
      throw new CatalogException(e.code(), text.toString(),
          "line " + start.line() + ":" + start.column() + ": unsupported column type '" + text + "'", e);
    }
  }

  private Map<String, String> properties() {
    expect('(');
    Map<String, String> properties = new LinkedHashMap<>();
    if (accept(')')) {
      return properties;
    }
    do {
      String key = string();
      expect('=');
      properties.put(key, string());
    } while (accept(','));
    expect(')');
    return properties;
  }

  private TableName tableName() {
    String first = identifier();
    if (accept('.')) {
      return new TableName(first, identifier());
    }
    return new TableName(null, first);
  }

  private boolean ifNotExists() {
    if (acceptWord("IF")) {
      expectWord("NOT");
      expectWord("EXISTS");
      return true;
    }
    return false;
  }

  private boolean ifExists() {
    if (acceptWord("IF")) {
      expectWord("EXISTS");
      return true;
    }
    return false;
  }

  private String identifier() {
    Token token = peek();
    if (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_IDENTIFIER) {
      return next().text().toLowerCase(Locale.ROOT);
    }
    throw error(token, "expected an identifier");
  }

  private String string() {
    Token token = peek();
    if (token.kind() != Kind.STRING) {
      throw error(token, "expected a string literal");
    }
    return next().text();
  }

  private String optionalString() {
    return peek().kind() == Kind.STRING ? next().text() : null;
  }

  private String number() {
    Token token = peek();
    if (token.kind() != Kind.NUMBER) {
      throw error(token, "expected a number");
    }
    return next().text();
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token token = tokens.get(index);
    if (token.kind() != Kind.END) {
      index++;
    }
    return token;
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      index++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw error(peek(), "expected " + word);
    }
  }

  private boolean accept(char symbol) {
    if (peek().isSymbol(symbol)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(char symbol) {
    if (!accept(symbol)) {
      throw error(peek(), "expected '" + symbol + "'");
    }
  }

  private void expectEnd() {
    if (peek().kind() != Kind.END) {
      throw error(peek(), "extra input after the end of the statement");
    }
  }

  private static DdlSyntaxException error(Token at, String expectation) {
    return new DdlSyntaxException(at.line(), at.column(), "mismatched input " + at.describe() + ": " + expectation);
  }
}
