package dev.tarn.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.io.IOException;

/**
 * The JSON of Tarn's actions and metadata. Records map field by field, so a field added to
 * {@link dev.tarn.engine.api.QueryStatistics} or {@link SessionInfo} travels without protocol changes; unknown
 * fields are ignored and missing ones default, so client and server of neighbouring versions still talk.
 */
public final class ProtocolJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ProtocolJson() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new TarnException(ErrorCode.INTERNAL_ERROR, value.getClass().getSimpleName(),
          "Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.INTERNAL_ERROR, type.getSimpleName(),
          "Invalid " + type.getSimpleName() + " JSON from the other side: " + e.getMessage(), e);
    }
  }
}
