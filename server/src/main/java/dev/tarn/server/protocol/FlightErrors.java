package dev.tarn.server.protocol;

import dev.tarn.catalog.store.CatalogException;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.api.CatalogErrors;
import dev.tarn.engine.api.QueryFailedException;
import dev.tarn.engine.api.QueryStatistics;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * Tarn errors across Flight, both ways. The server sends a status whose code fits the error (INVALID_ARGUMENT
 * for SQL errors, NOT_FOUND, UNIMPLEMENTED, CANCELLED...), whose description is what an embedded client would
 * print ({@code CODE: message [query id: id]}) and whose metadata carries code, object, message, query id and
 * final statistics, from which Tarn's client rebuilds the same exception the engine threw.
 */
public final class FlightErrors {

  private FlightErrors() {}

  /** The Flight error a client receives for {@code failure}. */
  public static FlightRuntimeException toFlight(Throwable failure) {
    if (failure instanceof FlightRuntimeException flight) {
      return flight;
    }
    TarnException tarn = toTarnException(failure);
    String queryId = tarn instanceof QueryFailedException failed ? failed.queryId() : null;
    ErrorFlightMetadata metadata = new ErrorFlightMetadata();
    metadata.insert(TarnProtocol.ERROR_CODE, tarn.code().name());
    metadata.insert(TarnProtocol.ERROR_MESSAGE, utf8(String.valueOf(tarn.rawMessage())));
    if (tarn.object() != null) {
      metadata.insert(TarnProtocol.ERROR_OBJECT, utf8(tarn.object()));
    }
    String description = tarn.getMessage();
    if (queryId != null) {
      metadata.insert(TarnProtocol.ERROR_QUERY_ID, queryId);
      QueryStatistics statistics = ((QueryFailedException) tarn).statistics();
      if (statistics != null) {
        metadata.insert(TarnProtocol.ERROR_STATISTICS, ProtocolJson.write(statistics));
      }
      description += " [query id: " + queryId + "]";
    }
    return statusOf(tarn.code()).withDescription(description).withCause(failure).withMetadata(metadata)
        .toRuntimeException();
  }

  /**
   * The Tarn error behind a Flight error: the server's own (a {@link QueryFailedException} when it names an
   * execution), or, for errors of the transport or of the server's authentication, one coded from the status.
   */
  public static TarnException toTarn(FlightRuntimeException error) {
    ErrorFlightMetadata metadata = error.status().metadata();
    String code = metadata == null ? null : text(metadata, TarnProtocol.ERROR_CODE);
    if (code == null) {
      return fromStatus(error);
    }
    TarnException tarn = new TarnException(errorCode(code), text(metadata, TarnProtocol.ERROR_OBJECT),
        text(metadata, TarnProtocol.ERROR_MESSAGE), error);
    String queryId = text(metadata, TarnProtocol.ERROR_QUERY_ID);
    if (queryId == null) {
      return tarn;
    }
    byte[] statistics = metadata.containsKey(TarnProtocol.ERROR_STATISTICS)
        ? metadata.getByte(TarnProtocol.ERROR_STATISTICS) : null;
    return new QueryFailedException(queryId,
        statistics == null ? QueryStatistics.EMPTY : ProtocolJson.read(statistics, QueryStatistics.class), tarn);
  }

  private static TarnException fromStatus(FlightRuntimeException error) {
    String detail = detail(error);
    return switch (error.status().code()) {
      case UNAUTHENTICATED, UNAUTHORIZED -> new TarnException(ErrorCode.AUTHENTICATION_FAILED, null,
          "The server refused the credentials: " + detail, error);
      case UNAVAILABLE -> new TarnException(ErrorCode.CONNECTION_FAILED, null,
          "The server cannot be reached: " + detail, error);
      case CANCELLED -> new TarnException(ErrorCode.CANCELLED, null, "Cancelled: " + detail, error);
      case TIMED_OUT -> new TarnException(ErrorCode.CONNECTION_FAILED, null, "The server timed out: " + detail, error);
      case UNIMPLEMENTED -> new TarnException(ErrorCode.NOT_SUPPORTED, null, detail, error);
      case INVALID_ARGUMENT -> new TarnException(ErrorCode.INVALID_ARGUMENT, null, detail, error);
      case NOT_FOUND -> new TarnException(ErrorCode.NOT_FOUND, null, detail, error);
      case RESOURCE_EXHAUSTED -> new TarnException(ErrorCode.OUT_OF_MEMORY, null, detail, error);
      default -> new TarnException(ErrorCode.INTERNAL_ERROR, null,
          "The server failed (" + error.status().code() + "): " + detail, error);
    };
  }

  /** The description's first line (gRPC appends pipeline dumps), and the root cause for transport failures. */
  private static String detail(FlightRuntimeException error) {
    String description = error.status().description();
    String detail = description == null || description.isBlank() ? error.status().code().name()
        : description.lines().findFirst().orElse(description).trim();
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != error && root.getMessage() != null && !root.getMessage().isBlank()) {
      detail += " (" + root.getMessage().lines().findFirst().orElse("").trim() + ")";
    }
    return detail;
  }

  private static TarnException toTarnException(Throwable failure) {
    if (failure instanceof TarnException tarn) {
      return tarn;
    }
    if (failure instanceof CatalogException catalog) {
      return CatalogErrors.toTarn(catalog);
    }
    if (failure instanceof UnsupportedOperationException unsupported) {
      return new TarnException(ErrorCode.NOT_SUPPORTED, null, String.valueOf(unsupported.getMessage()), failure);
    }
    return new TarnException(ErrorCode.INTERNAL_ERROR, null, String.valueOf(failure), failure);
  }

  private static CallStatus statusOf(ErrorCode code) {
    FlightStatusCode status = switch (code) {
      case SYNTAX_ERROR, VALIDATION_ERROR, INVALID_ARGUMENT, DIVISION_BY_ZERO, NUMERIC_OVERFLOW, INVALID_CAST,
          SUBQUERY_MULTIPLE_ROWS, SCHEMA_MISMATCH -> FlightStatusCode.INVALID_ARGUMENT;
      case NOT_FOUND -> FlightStatusCode.NOT_FOUND;
      case ALREADY_EXISTS -> FlightStatusCode.ALREADY_EXISTS;
      case NOT_SUPPORTED -> FlightStatusCode.UNIMPLEMENTED;
      case CANCELLED -> FlightStatusCode.CANCELLED;
      case OUT_OF_MEMORY -> FlightStatusCode.RESOURCE_EXHAUSTED;
      case AUTHENTICATION_FAILED -> FlightStatusCode.UNAUTHENTICATED;
      case CONNECTION_FAILED -> FlightStatusCode.UNAVAILABLE;
      default -> FlightStatusCode.INTERNAL;
    };
    return status.toStatus();
  }

  private static ErrorCode errorCode(String name) {
    try {
      return ErrorCode.valueOf(name);
    } catch (IllegalArgumentException newerServer) {
      return ErrorCode.INTERNAL_ERROR;
    }
  }

  /** A metadata value as text, or null if absent (the metadata's own getters fail on absent keys). */
  private static String text(ErrorFlightMetadata metadata, String key) {
    return metadata.containsKey(key) ? new String(metadata.getByte(key), StandardCharsets.UTF_8) : null;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
