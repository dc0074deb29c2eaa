package dev.tarn.engine.sqllogic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed SQL logic test file. Records are separated by blank lines:
 * <pre>
 * duckdb                      -- SQL run in DuckDB only (make data files, define oracle views)
 * statement ok                -- SQL that must succeed in Tarn
 * statement error CODE [text] -- SQL that must fail in Tarn with that error code (and message text)
 * query [sorted]              -- Tarn's rows must equal the rows after "----" (tab-separated)
 * query oracle [sorted]       -- Tarn's rows must equal DuckDB's for the same SQL (optional "----" rows too)
 * </pre>
 * {@code ${DATA}} in any SQL is replaced by the test's data directory. Lines starting with {@code #} are comments.
 */
record SqlLogicScript(Path file, List<Record> records) {

  enum Kind { DUCKDB, STATEMENT_OK, STATEMENT_ERROR, QUERY, QUERY_ORACLE }

  record Record(Kind kind, int line, String sql, boolean sorted, String errorCode, String errorText,
      List<String> expectedRows) {}

  static SqlLogicScript parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Record> records = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String header = lines.get(i).trim();
      if (header.isEmpty() || header.startsWith("#")) {
        i++;
        continue;
      }
      int headerLine = i + 1;
      String[] words = header.split("\\s+", 4);
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(lines.get(i)).append('\n');
        i++;
      }
      List<String> expected = null;
      if (i < lines.size() && lines.get(i).equals("----")) {
        expected = new ArrayList<>();
        i++;
        // Only an empty line ends the rows: a row of empty cells is a line of tabs.
        while (i < lines.size() && !lines.get(i).isEmpty()) {
          expected.add(lines.get(i));
          i++;
        }
      }
      String text = sql.toString().trim();
      Record record = switch (words[0]) {
        case "duckdb" -> new Record(Kind.DUCKDB, headerLine, text, false, null, null, null);
        case "statement" -> words[1].equals("ok")
            ? new Record(Kind.STATEMENT_OK, headerLine, text, false, null, null, null)
            : new Record(Kind.STATEMENT_ERROR, headerLine, text, false, words.length > 2 ? words[2] : null,
                words.length > 3 ? words[3] : null, null);
        case "query" -> {
          boolean oracle = header.contains(" oracle");
          boolean sorted = header.contains(" sorted");
          yield new Record(oracle ? Kind.QUERY_ORACLE : Kind.QUERY, headerLine, text, sorted, null, null,
              expected == null ? List.of() : expected);
        }
        default -> throw new IllegalArgumentException(file + ":" + headerLine + ": unknown record '" + header + "'");
      };
      records.add(record);
    }
    return new SqlLogicScript(file, records);
  }
}
