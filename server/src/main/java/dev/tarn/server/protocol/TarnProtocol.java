package dev.tarn.server.protocol;

/**
 * What a Tarn server and Tarn's remote JDBC client agree on beyond Flight SQL: the session cookie, Tarn's own
 * actions, and the error metadata that carries a Tarn error across the wire. Other Flight SQL clients need none of
 * it: they see the session cookie as any cookie and the error's code, object and query id in its description.
 */
public final class TarnProtocol {

  /** The cookie that keys a client's session (current database, prepared statements) on the server. */
  public static final String SESSION_COOKIE = "tarn_session";

  /**
   * Action: the caller's session, created on the first call; a JSON body {@code {"database": "..."}} changes its
   * current database first. Answers {@link SessionInfo} as JSON.
   */
  public static final String ACTION_SESSION = "tarn.session";
  /** Action: one read of the server's catalog store ({@link CatalogCall} as JSON); answers Glue-model JSON. */
  public static final String ACTION_CATALOG = "tarn.catalog";
  /** Action: the statistics (live, or final once finished) of a query of the caller; body: the query id. */
  public static final String ACTION_STATISTICS = "tarn.statistics";
  /**
   * Action: closes a result its client will not fetch (a result set closed before it was read), without cancelling
   * it, so the query succeeds with no rows delivered, as an embedded result closed early; body: the query id.
   */
  public static final String ACTION_CLOSE_RESULT = "tarn.close-result";

  /** Error metadata: the {@link dev.tarn.engine.ErrorCode} name. */
  public static final String ERROR_CODE = "tarn-error-code";
  /** Error metadata: the object the error is about (UTF-8). */
  public static final String ERROR_OBJECT = "tarn-error-object-bin";
  /** Error metadata: the message without code and object decoration (UTF-8). */
  public static final String ERROR_MESSAGE = "tarn-error-message-bin";
  /** Error metadata: the id of the failed execution, if it got one. */
  public static final String ERROR_QUERY_ID = "tarn-query-id";
  /** Error metadata: the failed execution's final statistics as JSON. */
  public static final String ERROR_STATISTICS = "tarn-statistics-bin";

  private TarnProtocol() {}
}
