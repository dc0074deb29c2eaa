package dev.tarn.engine;

/**
 * Every error Tarn reports to a user: an {@link ErrorCode}, the object it is about (a table, a file, a column,
 * an operator, a function), and a one-line message. {@link #getMessage()} renders all three.
 */
public class TarnException extends RuntimeException {

  private final ErrorCode code;
  private final String object;

  public TarnException(ErrorCode code, String object, String message) {
    this(code, object, message, null);
  }

  public TarnException(ErrorCode code, String object, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.object = object;
  }

  /** A construct Tarn does not execute yet: the message says "not supported yet: " and names it. */
  public static TarnException notSupported(String construct) {
    return new TarnException(ErrorCode.NOT_SUPPORTED, construct, "not supported yet: " + construct);
  }

  public ErrorCode code() {
    return code;
  }

  /** What the error is about, or null. */
  public String object() {
    return object;
  }

  /** The message without the code and object decoration. */
  public String rawMessage() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    return code.name() + ": " + super.getMessage();
  }
}
