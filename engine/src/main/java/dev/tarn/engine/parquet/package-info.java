/**
 * A vectorized Parquet to Arrow reader: {@link dev.tarn.engine.parquet.ParquetFileScan} (one file) opens one
 * {@code ColumnChunkReader} per requested column and row group, which walks pages with a {@code PageReader}
 * and decodes each page with one {@code ValuesDecoder} per encoding, straight into Arrow buffers. No Calcite,
 * no Hadoop at run time, no parquet-java record API.
 *
 * <p>Supported file type to table (Arrow) type:
 * <ul>
 *   <li>BOOLEAN to Bool.
 *   <li>INT32 (plain, INT(8/16/32), UINT(8/16/32)) to Int(8/16/32/64) where the values fit; DATE to Date(DAY);
 *       DECIMAL to Decimal.
 *   <li>INT64 (plain or signed INT(64)) to Int(64); TIMESTAMP(MILLIS|MICROS|NANOS) to Timestamp(MICROSECOND, any
 *       zone); DECIMAL to Decimal.
 *   <li>INT96 to Timestamp(MICROSECOND).
 *   <li>FLOAT to FloatingPoint(SINGLE or DOUBLE); DOUBLE to FloatingPoint(DOUBLE).
 *   <li>BYTE_ARRAY (STRING, ENUM, JSON or unannotated) to Utf8; any BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY to Binary;
 *       DECIMAL to Decimal.
 *   <li>DECIMAL of any physical type to Decimal(p, s, 128) when no digits are lost (s at least the file's scale,
 *       p - s at least the file's); the value is rescaled exactly.
 * </ul>
 * Other pairs fail with SCHEMA_MISMATCH. A requested column the file lacks reads as all nulls.
 *
 * <p>Pages: DICTIONARY_PAGE, DATA_PAGE, DATA_PAGE_V2 (CRC checked when present). Codecs: UNCOMPRESSED, SNAPPY,
 * GZIP, ZSTD, LZ4_RAW. Encodings with fast paths: PLAIN, PLAIN_DICTIONARY / RLE_DICTIONARY, RLE (levels and v2
 * booleans), BIT_PACKED (legacy levels). Through parquet-column's readers (correct, slower): DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT.
 *
 * <p>Not supported yet (NOT_SUPPORTED): nested or repeated columns, LZO / BROTLI / Hadoop LZ4 codecs,
 * dictionary-encoded booleans, encrypted files. Row groups are skipped by the scan filter's column domains
 * (statistics, dictionaries, bloom filters: {@code RowGroupPruner}); within a row group, the column and offset
 * indexes narrow the read to row ranges and their pages ({@code PageIndexSelector}), and column readers pass over
 * rows outside the ranges. Not done yet: late materialization, INT64 UINT(64), Decimal256, FixedSizeBinary, time
 * types.
 */
package dev.tarn.engine.parquet;
