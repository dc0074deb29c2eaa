package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A Glue {@code StorageDescriptor}: where and how a table's or a partition's data is stored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageDescriptor(
    @JsonProperty("Columns") List<Column> columns,
    @JsonProperty("Location") String location,
    @JsonProperty("InputFormat") String inputFormat,
    @JsonProperty("OutputFormat") String outputFormat,
    @JsonProperty("Compressed") Boolean compressed,
    @JsonProperty("NumberOfBuckets") Integer numberOfBuckets,
    @JsonProperty("SerdeInfo") SerDeInfo serdeInfo,
    @JsonProperty("Parameters") Map<String, String> parameters) {

  public StorageDescriptor {
    columns = columns == null ? List.of() : List.copyOf(columns);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A descriptor for data in {@code format} at {@code location}. */
  public static StorageDescriptor of(List<Column> columns, String location, StorageFormat format) {
    return new StorageDescriptor(columns, location, format.inputFormat(), format.outputFormat(), false, 0,
        format.serDeInfo(), Map.of());
  }

  public StorageDescriptor withLocation(String newLocation) {
    return new StorageDescriptor(columns, newLocation, inputFormat, outputFormat, compressed, numberOfBuckets,
        serdeInfo, parameters);
  }

  public StorageDescriptor withColumns(List<Column> newColumns) {
    return new StorageDescriptor(newColumns, location, inputFormat, outputFormat, compressed, numberOfBuckets,
        serdeInfo, parameters);
  }
}
