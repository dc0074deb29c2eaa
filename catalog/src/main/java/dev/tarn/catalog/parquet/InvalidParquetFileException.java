package dev.tarn.catalog.parquet;

import java.io.IOException;

/** A file that is not valid Parquet (truncated, corrupt, or not Parquet at all); names the file. */
public class InvalidParquetFileException extends IOException {

  private final String location;

  public InvalidParquetFileException(String location, String reason) {
    this(location, reason, null);
  }

  public InvalidParquetFileException(String location, String reason, Throwable cause) {
    super("Invalid Parquet file " + location + ": " + reason, cause);
    this.location = location;
  }

  public String location() {
    return location;
  }
}
