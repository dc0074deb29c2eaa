package dev.tarn.server.protocol;

/**
 * The application metadata of the FlightInfo a Tarn server answers a statement with: what Tarn's client needs
 * besides the result's schema and ticket.
 *
 * @param queryId the execution's id (also the ticket's statement handle)
 * @param updateCount rows affected by a statement without a result set (0 for DDL); -1 for a result set
 * @param currentDatabase the session's current database after the statement ({@code USE} changes it)
 */
public record ExecutionMetadata(String queryId, long updateCount, String currentDatabase) {

  public byte[] toJson() {
    return ProtocolJson.write(this);
  }

  public static ExecutionMetadata fromJson(byte[] json) {
    return ProtocolJson.read(json, ExecutionMetadata.class);
  }
}
