package dev.tarn.catalog.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The storage formats Tarn knows, with the Hive input/output formats and SerDe that Athena and Glue record for each.
 * The {@code classification} table parameter names the format, as Glue's crawler writes it.
 */
public enum StorageFormat {
  PARQUET("parquet",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"),
  AVRO("avro",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat",
      "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat",
      "org.apache.hadoop.hive.serde2.avro.AvroSerDe");

  private final String classification;
  private final String inputFormat;
  private final String outputFormat;
  private final String serializationLibrary;

  StorageFormat(String classification, String inputFormat, String outputFormat, String serializationLibrary) {
    this.classification = classification;
    this.inputFormat = inputFormat;
    this.outputFormat = outputFormat;
    this.serializationLibrary = serializationLibrary;
  }

  public String classification() { return classification; }
  public String inputFormat() { return inputFormat; }
  public String outputFormat() { return outputFormat; }
  public String serializationLibrary() { return serializationLibrary; }

  public SerDeInfo serDeInfo() {
    return new SerDeInfo(null, serializationLibrary, Map.of("serialization.format", "1"));
  }

  /** The format named in a {@code STORED AS} clause or a {@code classification} parameter. */
  public static Optional<StorageFormat> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (StorageFormat format : values()) {
      if (format.classification.equals(lower)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format of a table: its {@code classification} parameter, else its SerDe library, else its input format. */
  public static Optional<StorageFormat> of(Table table) {
    Optional<StorageFormat> byClassification = fromName(table.parameters().get("classification"));
    if (byClassification.isPresent()) {
      return byClassification;
    }
    StorageDescriptor sd = table.storageDescriptor();
    for (StorageFormat format : values()) {
      if (sd.serdeInfo() != null && format.serializationLibrary.equals(sd.serdeInfo().serializationLibrary())) {
        return Optional.of(format);
      }
      if (format.inputFormat.equals(sd.inputFormat())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
