package dev.tarn.engine.testing;

import dev.tarn.engine.api.QueryResult;
import dev.tarn.engine.exec.Batch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** Test helper: drains a query result into rows of Java values (closing every batch). */
public final class ResultRowsReader {

  private ResultRowsReader() {}

  public static List<List<Object>> read(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    Batch batch;
    while ((batch = result.next()) != null) {
      try (Batch owned = batch) {
        for (int row = 0; row < owned.rowCount(); row++) {
          List<Object> values = new ArrayList<>(owned.columnCount());
          for (FieldVector column : owned.columns()) {
            values.add(value(column, row));
          }
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** The Java value of one cell: String, LocalDate, LocalDateTime, BigDecimal, boxed numbers, Boolean or null. */
  public static Object value(FieldVector column, int row) {
    if (column.isNull(row)) {
      return null;
    }
    if (column instanceof VarCharVector varchar) {
      return new String(varchar.get(row), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (column instanceof DateDayVector date) {
      return LocalDate.ofEpochDay(date.get(row));
    }
    return column.getObject(row);
  }
}
