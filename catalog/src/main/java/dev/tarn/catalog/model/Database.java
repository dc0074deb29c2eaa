package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A Glue {@code Database}: a namespace of tables. Its name is stored in lower case, as Athena does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Database(
    @JsonProperty("Name") String name,
    @JsonProperty("Description") String description,
    @JsonProperty("LocationUri") String locationUri,
    @JsonProperty("Parameters") Map<String, String> parameters,
    @JsonProperty("CreateTime") Instant createTime) {

  public Database {
    Objects.requireNonNull(name, "Name");
    name = name.toLowerCase(Locale.ROOT);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  public static Database named(String name) {
    return new Database(name, null, null, Map.of(), Instant.now());
  }
}
