package dev.tarn.catalog.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Glue-shaped JSON for the catalog model (PascalCase field names such as {@code StorageDescriptor}).
 * Instants are written as ISO-8601 strings; epoch-second numbers (what the Glue web API sends) are also read.
 * A small module does this because jackson-datatype-jsr310 is deliberately not a dependency.
 */
public final class GlueJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new SimpleModule("tarn-instants")
          .addSerializer(Instant.class, new InstantSerializer())
          .addDeserializer(Instant.class, new InstantDeserializer()))
      // Newer Glue fields we do not model yet must not make stored JSON unreadable.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private GlueJson() {}

  /** The Glue JSON text of a model object. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads Glue JSON text into a model type. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid Glue JSON for " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return Instant.parse(parser.getText());
      }
      if (parser.currentToken().isNumeric()) {
        BigDecimal seconds = parser.getDecimalValue();
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
      }
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
  }
}
