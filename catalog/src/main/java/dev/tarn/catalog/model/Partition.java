package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Glue {@code Partition}. {@code Values} are strings in the order of the table's partition keys; a value is
 * {@code null} for Hive's default partition ({@code __HIVE_DEFAULT_PARTITION__}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Partition(
    @JsonProperty("Values") List<String> values,
    @JsonProperty("DatabaseName") String databaseName,
    @JsonProperty("TableName") String tableName,
    @JsonProperty("CreationTime") Instant creationTime,
    @JsonProperty("StorageDescriptor") StorageDescriptor storageDescriptor,
    @JsonProperty("Parameters") Map<String, String> parameters) {

  public Partition {
    Objects.requireNonNull(values, "Values");
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  public String location() {
    return storageDescriptor == null ? null : storageDescriptor.location();
  }
}
