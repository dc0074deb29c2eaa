package dev.tarn.engine.api;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;

/** Maps catalog failures onto Tarn's error codes, keeping the object they concern. */
public final class CatalogErrors {
  private CatalogErrors() {}

  /** The Tarn error for a catalog failure: same object, message without the catalog's code prefix. */
  public static TarnException toTarn(CatalogException e) {
    ErrorCode code = switch (e.code()) {
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case ALREADY_EXISTS -> ErrorCode.ALREADY_EXISTS;
      case INVALID_INPUT, NOT_EMPTY -> ErrorCode.INVALID_ARGUMENT;
      case IO_FAILURE -> ErrorCode.IO_ERROR;
      case SYNTAX_ERROR -> ErrorCode.SYNTAX_ERROR;
      case STORE_FAILURE -> ErrorCode.CATALOG_ERROR;
    };
    String message = e.getMessage();
    String prefix = e.code() + ": ";
    return new TarnException(code, e.object(), message.startsWith(prefix) ? message.substring(prefix.length()) : message, e);
  }
}
