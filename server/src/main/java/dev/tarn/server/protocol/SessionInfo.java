package dev.tarn.server.protocol;

/**
 * A session as {@link TarnProtocol#ACTION_SESSION} reports it.
 *
 * @param currentDatabase the database unqualified names resolve in
 * @param user the identity the server authenticated ({@code anonymous} without credentials)
 * @param serverVersion the Tarn version of the server
 */
public record SessionInfo(String currentDatabase, String user, String serverVersion) {}
