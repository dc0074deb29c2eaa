package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A Glue {@code SerDeInfo}: the serialization library and its parameters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SerDeInfo(
    @JsonProperty("Name") String name,
    @JsonProperty("SerializationLibrary") String serializationLibrary,
    @JsonProperty("Parameters") Map<String, String> parameters) {

  public SerDeInfo {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
