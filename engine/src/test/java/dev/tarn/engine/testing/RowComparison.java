package dev.tarn.engine.testing;

import static org.assertj.core.api.Assertions.fail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test helper: compares Tarn's rows with an oracle's, cell by cell, with {@link ValueFormat#sameValue}. */
public final class RowComparison {

  private RowComparison() {}

  /** Fails with both results printed unless they hold the same rows in the same order. */
  public static void assertSameRows(List<List<Object>> tarn, List<List<Object>> oracle, String context) {
    String both = context + "\nTarn:   " + sample(tarn) + "\nOracle: " + sample(oracle);
    if (tarn.size() != oracle.size()) {
      fail(tarn.size() + " rows from Tarn but " + oracle.size() + " from the oracle\n" + both);
    }
    for (int r = 0; r < tarn.size(); r++) {
      if (tarn.get(r).size() != oracle.get(r).size()) {
        fail("row " + r + " has " + tarn.get(r).size() + " columns in Tarn but " + oracle.get(r).size() + "\n" + both);
      }
      for (int c = 0; c < tarn.get(r).size(); c++) {
        if (!ValueFormat.sameValue(tarn.get(r).get(c), oracle.get(r).get(c))) {
          fail("row " + r + " column " + (c + 1) + ": " + ValueFormat.format(tarn.get(r).get(c)) + " != "
              + ValueFormat.format(oracle.get(r).get(c)) + "\n" + both);
        }
      }
    }
  }

  /** All rows of a JDBC result set, as {@code getObject} returns them. */
  public static List<List<Object>> rows(ResultSet resultSet) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int c = 1; c <= columns; c++) {
        row.add(resultSet.getObject(c));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The first rows, enough to see a difference without flooding the report. */
  private static String sample(List<List<Object>> rows) {
    List<String> lines = render(rows.size() > 25 ? rows.subList(0, 25) : rows);
    return lines + (rows.size() > 25 ? " ... (" + rows.size() + " rows)" : "");
  }

  /** Rows as tab-separated text, one string per row. */
  public static List<String> render(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(ValueFormat::format).collect(Collectors.joining("\t"))).toList();
  }
}
