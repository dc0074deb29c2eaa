package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/** A Glue {@code Column}: a name (lower case), a Hive type string such as {@code decimal(15,2)}, an optional comment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(
    @JsonProperty("Name") String name,
    @JsonProperty("Type") String type,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Parameters") Map<String, String> parameters) {

  public Column {
    Objects.requireNonNull(name, "Name");
    Objects.requireNonNull(type, "Type");
    name = name.toLowerCase(java.util.Locale.ROOT);
    type = type.toLowerCase(java.util.Locale.ROOT);
    parameters = parameters == null ? null : Map.copyOf(parameters);
  }

  public static Column of(String name, String type) {
    return new Column(name, type, null, null);
  }
}
