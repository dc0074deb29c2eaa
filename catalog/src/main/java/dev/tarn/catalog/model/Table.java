package dev.tarn.catalog.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Glue {@code Table}. Names are lower case. {@code PartitionKeys} are separate from the data columns in
 * {@code StorageDescriptor.Columns}, as in Glue; {@link #allColumns()} gives the order SQL sees: data, then keys.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Table(
    @JsonProperty("Name") String name,
    @JsonProperty("DatabaseName") String databaseName,
    @JsonProperty("Description") String description,
    @JsonProperty("Owner") String owner,
    @JsonProperty("CreateTime") Instant createTime,
    @JsonProperty("UpdateTime") Instant updateTime,
    @JsonProperty("StorageDescriptor") StorageDescriptor storageDescriptor,
    @JsonProperty("PartitionKeys") List<Column> partitionKeys,
    @JsonProperty("TableType") String tableType,
    @JsonProperty("Parameters") Map<String, String> parameters) {

  public static final String EXTERNAL_TABLE = "EXTERNAL_TABLE";
  public static final String VIRTUAL_VIEW = "VIRTUAL_VIEW";

  public Table {
    Objects.requireNonNull(name, "Name");
    Objects.requireNonNull(databaseName, "DatabaseName");
    Objects.requireNonNull(storageDescriptor, "StorageDescriptor");
    name = name.toLowerCase(Locale.ROOT);
    databaseName = databaseName.toLowerCase(Locale.ROOT);
    partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    tableType = tableType == null ? EXTERNAL_TABLE : tableType;
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** An external table in {@code format}, as {@code CREATE EXTERNAL TABLE} or the crawler makes it. */
  public static Table external(String database, String name, List<Column> columns, List<Column> partitionKeys,
      String location, StorageFormat format, Map<String, String> parameters) {
    Map<String, String> params = new java.util.LinkedHashMap<>(parameters == null ? Map.of() : parameters);
    params.putIfAbsent("classification", format.classification());
    params.putIfAbsent("EXTERNAL", "TRUE");
    Instant now = Instant.now();
    return new Table(name, database, null, null, now, now, StorageDescriptor.of(columns, location, format),
        partitionKeys, EXTERNAL_TABLE, params);
  }

  /** Data columns followed by partition keys: the columns SQL sees. */
  @JsonIgnore
  public List<Column> allColumns() {
    List<Column> all = new ArrayList<>(storageDescriptor.columns());
    all.addAll(partitionKeys);
    return all;
  }

  @JsonIgnore
  public boolean isPartitioned() {
    return !partitionKeys.isEmpty();
  }

  public Table withStorageDescriptor(StorageDescriptor sd) {
    return new Table(name, databaseName, description, owner, createTime, Instant.now(), sd, partitionKeys,
        tableType, parameters);
  }

  public Table withParameters(Map<String, String> newParameters) {
    return new Table(name, databaseName, description, owner, createTime, Instant.now(), storageDescriptor,
        partitionKeys, tableType, newParameters);
  }
}
