package dev.tarn.engine.exec.operator;

import java.util.List;

/** Produces the rows of the engine's own tables when a query reads them; implemented by the engine's API layer. */
@FunctionalInterface
public interface SystemTableSource {

  /** A source that knows no tables. */
  SystemTableSource NONE = table -> {
    throw dev.tarn.engine.TarnException.notSupported("system table " + table + " in this context");
  };

  /** The current rows of {@code table}: one list of Literal-convention values per row, in the table's column order. */
  List<List<Object>> rows(String table);
}
