package dev.tarn.engine.parquet;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;

/** Errors about a Parquet file: the file's location is always the error's object. */
final class ParquetErrors {

  private ParquetErrors() {}

  /** NOT_SUPPORTED with the usual "not supported yet: " message, about the file at {@code location}. */
  static TarnException notSupported(String location, String construct) {
    return new TarnException(ErrorCode.NOT_SUPPORTED, location, "not supported yet: " + construct);
  }
}
