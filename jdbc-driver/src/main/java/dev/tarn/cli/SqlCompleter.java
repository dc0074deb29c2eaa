package dev.tarn.cli;

import dev.tarn.cli.SqlTokens.Token;
import dev.tarn.cli.TableReferences.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the statement around the cursor: after {@code FROM}, {@code JOIN}, {@code DESCRIBE} and the
 * like, the tables of the current database and the databases (as {@code db.}); after {@code db.}, that database's
 * tables; after {@code alias.} or {@code table.}, the columns of that table of the statement; elsewhere keywords,
 * functions and the columns of the statement's tables (of the current database's tables when it names none).
 * Shell commands and their arguments complete at the start of a line. Matching ignores case (JLine's
 * {@code CASE_INSENSITIVE}); keywords follow the case being typed; names that need quotes are offered quoted.
 */
final class SqlCompleter implements Completer {

  private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "JOIN", "TABLE", "INTO", "PARTITIONS");
  private static final Set<String> DATABASE_CONTEXT = Set.of("USE", "DATABASE", "SCHEMA");
  /** Words that start a clause: the last one before a comma tells a FROM list from a select list. */
  private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "ON",
      "JOIN", "LIMIT", "VALUES", "BY", "USING", "SET");

  private final CompletionCatalog catalog;
  private final List<String> commandNames;

  /** Completes from {@code catalog}, and {@code commandNames} (the shell's commands) at the start of a line. */
  SqlCompleter(CompletionCatalog catalog, List<String> commandNames) {
    this.catalog = catalog;
    this.commandNames = commandNames;
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
    candidates.addAll(candidates(SqlLineParser.wordAt(parsed.line(), parsed.cursor())));
  }

  /** The candidates for the word at the cursor of {@code line}, before JLine filters them by prefix. */
  List<Candidate> candidates(SqlLineParser.SqlParsedLine line) {
    String buffer = line.line();
    int wordStart = line.cursor() - line.wordCursor();
    String before = buffer.substring(0, wordStart);
    String prefix = line.prefix();
    if (before.isBlank() && (prefix.startsWith(".") || prefix.startsWith("\\"))) {
      return commandNames.stream().map(name -> new Candidate(name, name, "command", null, null, null, true)).toList();
    }
    if (ShellCommands.isCommand(before)) {
      return ShellCommands.argumentCandidates(before, this);
    }
    String statementBefore = StatementSplitter.split(before).remainder();
    String after = buffer.substring(wordStart);
    StatementSplitter.Split rest = StatementSplitter.split(after);
    String statement = statementBefore + (rest.statements().isEmpty() ? rest.remainder() : rest.statements().get(0));
    List<Token> tokens = SqlTokens.tokenize(statementBefore);

    int dot = lastDotOutsideQuotes(prefix);
    if (dot >= 0) {
      return qualified(prefix.substring(0, dot), TableReferences.in(statement));
    }
    Map<String, Candidate> result = new LinkedHashMap<>();
    switch (context(tokens)) {
      case TABLE -> {
        tables(catalog.currentDatabase(), "", result);
        databases(".", result);
      }
      case DATABASE -> databases("", result);
      case ANY -> {
        keywords(prefix, result);
        if (!tokens.isEmpty()) {
          columns(TableReferences.in(statement), result);
          for (String function : catalog.functions()) {
            result.putIfAbsent(function + "(", new Candidate(function + "(", function + "()", "function", null, null,
                null, false));
          }
        }
      }
    }
    return new ArrayList<>(result.values());
  }

  private enum Context { TABLE, DATABASE, ANY }

  /** What the word after {@code tokens} (the statement so far) names. */
  private static Context context(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return Context.ANY;
    }
    Token last = tokens.get(tokens.size() - 1);
    String first = tokens.get(0).upper();
    if (tokens.size() == 1 && (first.equals("DESCRIBE") || first.equals("DESC"))) {
      return Context.TABLE;
    }
    if (first.equals("SHOW") && tokens.size() >= 3 && tokens.get(1).isWord("TABLES")
        && (last.isWord("IN") || last.isWord("FROM"))) {
      return Context.DATABASE;
    }
    if (first.equals("SHOW") && tokens.size() >= 3 && tokens.get(1).isWord("COLUMNS")
        && (last.isWord("IN") || last.isWord("FROM"))) {
      return Context.TABLE;
    }
    if (last.kind() == SqlTokens.Kind.WORD) {
      String word = last.upper();
      if (TABLE_CONTEXT.contains(word)) {
        return Context.TABLE;
      }
      if (DATABASE_CONTEXT.contains(word)) {
        return Context.DATABASE;
      }
    }
    if (last.isSymbol(',')) {
      for (int index = tokens.size() - 2; index >= 0; index--) {
        Token token = tokens.get(index);
        if (token.kind() == SqlTokens.Kind.WORD && CLAUSES.contains(token.upper())) {
          return token.isWord("FROM") ? Context.TABLE : Context.ANY;
        }
      }
    }
    return Context.ANY;
  }

  /** After {@code qualifier.}: the tables of a database so named and the columns of a table or alias so named. */
  private List<Candidate> qualified(String qualifier, List<Reference> references) {
    Map<String, Candidate> result = new LinkedHashMap<>();
    List<Token> parts = SqlTokens.tokenize(qualifier);
    List<String> names = new ArrayList<>();
    for (Token part : parts) {
      if (part.isName()) {
        names.add(part.name());
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    String last = names.get(names.size() - 1);
    if (names.size() == 1) {
      for (String database : catalog.databases()) {
        if (database.equalsIgnoreCase(last)) {
          tables(database, qualifier + ".", result);
        }
      }
    }
    String database = names.size() > 1 ? names.get(names.size() - 2) : null;
    boolean referenced = false;
    for (Reference reference : references) {
      boolean matches = database == null ? reference.isCalled(last)
          : reference.table().equalsIgnoreCase(last) && database.equalsIgnoreCase(reference.database());
      if (matches) {
        referenced = true;
        String owner = reference.database() != null ? reference.database() : catalog.currentDatabase();
        for (String column : catalog.columns(owner, reference.table())) {
          addColumn(qualifier + "." + SqlKeywords.identifier(column), result);
        }
      }
    }
    if (!referenced) {
      // A table not (yet) in the statement: its columns still help, e.g. typing the select list first.
      String owner = database != null ? database : catalog.currentDatabase();
      for (String column : catalog.columns(owner, last)) {
        addColumn(qualifier + "." + SqlKeywords.identifier(column), result);
      }
    }
    return new ArrayList<>(result.values());
  }

  /** Adds the tables of {@code database} (null: the current one), each written after {@code qualifier}. */
  void tables(String database, String qualifier, Map<String, Candidate> result) {
    for (String table : catalog.tables(database != null ? database : catalog.currentDatabase())) {
      String value = qualifier + SqlKeywords.identifier(table);
      result.putIfAbsent(value, new Candidate(value, value, "table", null, null, null, true));
    }
  }

  /** Adds the databases, each followed by {@code suffix} ({@code "."} to go on with a table name). */
  void databases(String suffix, Map<String, Candidate> result) {
    for (String database : catalog.databases()) {
      String value = SqlKeywords.identifier(database) + suffix;
      result.putIfAbsent(value, new Candidate(value, value, "database", null, null, null, suffix.isEmpty()));
    }
  }

  private void columns(List<Reference> references, Map<String, Candidate> result) {
    TreeSet<String> names = new TreeSet<>();
    String current = catalog.currentDatabase();
    for (Reference reference : references) {
      names.addAll(catalog.columns(reference.database() != null ? reference.database() : current, reference.table()));
    }
    if (references.isEmpty()) {
      names.addAll(catalog.allColumns(current));
    }
    for (String name : names) {
      addColumn(SqlKeywords.identifier(name), result);
    }
  }

  private static void addColumn(String value, Map<String, Candidate> result) {
    result.putIfAbsent(value, new Candidate(value, value, "column", null, null, null, false));
  }

  /** Keywords in the case the user is typing: lower case if the word so far is, else upper case. */
  private static void keywords(String prefix, Map<String, Candidate> result) {
    boolean lower = !prefix.isEmpty() && prefix.equals(prefix.toLowerCase(Locale.ROOT));
    for (String keyword : SqlKeywords.ALL) {
      String value = lower ? keyword.toLowerCase(Locale.ROOT) : keyword;
      result.putIfAbsent(value, new Candidate(value, value, "keyword", null, null, null, true));
    }
  }

  private static int lastDotOutsideQuotes(String word) {
    int dot = -1;
    for (int index = 0; index < word.length(); index++) {
      char character = word.charAt(index);
      if (character == '"' || character == '`') {
        index = SqlTokens.afterQuoted(word, index, character) - 1;
      } else if (character == '.') {
        dot = index;
      }
    }
    return dot;
  }
}
