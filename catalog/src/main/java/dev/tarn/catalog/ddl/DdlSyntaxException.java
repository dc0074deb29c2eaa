package dev.tarn.catalog.ddl;

import dev.tarn.catalog.store.CatalogException;

/** Malformed DDL (code SYNTAX_ERROR), with the 1-based line and column where parsing stopped, as Athena reports it. */
public class DdlSyntaxException extends CatalogException {

  private final int line;
  private final int column;

  public DdlSyntaxException(int line, int column, String message) {
    super(Code.SYNTAX_ERROR, null, "line " + line + ":" + column + ": " + message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
