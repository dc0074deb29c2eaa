package dev.tarn.catalog.store;

/** A catalog failure with an error code and the object (database, table or partition) it concerns. */
public class CatalogException extends RuntimeException {

  /** What went wrong, stable for clients to match on. */
  public enum Code {
    NOT_FOUND, ALREADY_EXISTS, INVALID_INPUT, NOT_EMPTY, STORE_FAILURE, IO_FAILURE,
    /** Malformed DDL text; the message carries the line and column. */
    SYNTAX_ERROR
  }

  private final Code code;
  private final String object;

  public CatalogException(Code code, String object, String message) {
    this(code, object, message, null);
  }

  public CatalogException(Code code, String object, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.object = object;
  }

  public Code code() {
    return code;
  }

  /** The qualified name of the object concerned, such as {@code tpch.lineitem}. */
  public String object() {
    return object;
  }

  @Override
  public String getMessage() {
    return code + ": " + super.getMessage() + (object == null ? "" : " [" + object + "]");
  }
}
