package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.fs.LocalFileSystem;
import dev.tarn.engine.exec.ScanStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files written by another engine (DuckDB), compared value by value with what DuckDB itself reads back. */
class ParquetFileScanDuckDbTest {

  private static final int ROWS = 10_000;
  /** Column name, table type, the table expression, and the DuckDB expression giving the expected value. */
  private static final String[][] COLUMNS = {
      {"id", "INTEGER", "i::INTEGER", "id::BIGINT"},
      {"flag", "BOOLEAN", "CASE WHEN i % 10 = 1 THEN NULL ELSE i % 3 = 0 END", "flag"},
      {"tiny", "TINYINT", "CASE WHEN i % 10 = 2 THEN NULL ELSE (i % 256 - 128)::TINYINT END", "tiny::BIGINT"},
      {"small", "SMALLINT", "(i * 37 % 65536 - 32768)::SMALLINT", "small::BIGINT"},
      {"big", "BIGINT", "CASE WHEN i % 10 = 3 THEN NULL ELSE (hash(i) % 9223372036854775807)::BIGINT - 4611686018427387904 END", "big"},
      {"real", "FLOAT", "CASE WHEN i % 10 = 4 THEN NULL ELSE (i / 7)::FLOAT END", "real"},
      {"dbl", "DOUBLE", "CASE WHEN i % 10 = 5 THEN NULL ELSE i * 1.5e10 - 7 END", "dbl"},
      {"day", "DATE", "CASE WHEN i % 10 = 6 THEN NULL ELSE DATE '2000-01-01' + (i % 9000 - 4500)::INTEGER END",
          "date_diff('day', DATE '1970-01-01', day)::BIGINT"},
      {"ts", "TIMESTAMP", "CASE WHEN i % 10 = 7 THEN NULL ELSE TIMESTAMP '1960-01-01' + to_microseconds(i * 98765431) END",
          "epoch_us(ts)"},
      {"d9", "DECIMAL(9,2)", "CASE WHEN i % 10 = 8 THEN NULL ELSE ((i * 7919) % 100000000 - 50000000) / 100 END::DECIMAL(9,2)", "d9"},
      {"d18", "DECIMAL(18,4)", "(((hash(i) % 100000000000000)::BIGINT - 50000000000000)::DECIMAL(18,0) / 10000)::DECIMAL(18,4)", "d18"},
      {"d38", "DECIMAL(38,10)", "CASE WHEN i % 10 = 9 THEN NULL ELSE ((CASE WHEN i % 2 = 0 THEN '-' ELSE '' END) || ((hash(i) % 10000000000000)::HUGEINT * (hash(i + 1) % 10000000000000)::HUGEINT)::VARCHAR || '.' || lpad((i * 7)::VARCHAR, 10, '0'))::DECIMAL(38,10) END", "d38"},
      {"label", "VARCHAR", "CASE WHEN i % 10 = 0 THEN NULL ELSE 'label-' || (i % 40) END", "label"},
      {"digest", "VARCHAR", "md5(i::VARCHAR)", "digest"},
      {"raw", "BLOB", "CASE WHEN i % 11 = 0 THEN NULL ELSE unhex(md5(i::VARCHAR)) END", "lower(hex(raw))"},
  };

  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"uncompressed, V1", "snappy, V1", "gzip, V1", "zstd, V1", "lz4_raw, V1",
      "uncompressed, V2", "snappy, V2", "zstd, V2"})
  void readsWhatDuckDbWrites(String codec, String parquetVersion) throws SQLException {
    Path file = directory.resolve("duck.parquet");
    StringBuilder select = new StringBuilder("SELECT ");
    List<String> expected = new ArrayList<>();
    for (String[] column : COLUMNS) {
      select.append(select.length() > 7 ? ", " : "").append(column[2]).append(" AS ").append(column[0]);
      expected.add(column[3]);
    }
    ParquetTestFiles.duckDb("COPY (" + select + " FROM range(" + ROWS + ") t(i)) TO '" + file
        + "' (FORMAT PARQUET, COMPRESSION '" + codec + "', ROW_GROUP_SIZE 2048, PARQUET_VERSION " + parquetVersion
        + ")");

    List<List<Object>> expectedRows = duckDbRows("SELECT " + String.join(", ", expected) + " FROM '" + file + "'");
    List<List<Object>> actualRows = tarnRows(file);

    assertThat(actualRows).hasSize(ROWS);
    for (int row = 0; row < ROWS; row++) {
      assertThat(actualRows.get(row)).as("row %d", row).isEqualTo(expectedRows.get(row));
    }
  }

  private List<List<Object>> tarnRows(Path file) {
    List<Field> fields = new ArrayList<>();
    for (String[] column : COLUMNS) {
      fields.add(new Field(column[0], FieldType.nullable(arrowType(column[1])), null));
    }
    List<List<Object>> rows = new ArrayList<>();
    try (ParquetFileScan scan = ParquetFileScan.open(LocalFileSystem.INSTANCE, file.toString(), fields, allocator,
        1000, new ScanStats("test"))) {
      for (List<FieldVector> batch = scan.next(); batch != null; batch = scan.next()) {
        for (int i = 0; i < batch.get(0).getValueCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : batch) {
            row.add(ParquetTestFiles.value(vector, i));
          }
          rows.add(row);
        }
        batch.forEach(FieldVector::close);
      }
    }
    return rows;
  }

  private static List<List<Object>> duckDbRows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement settings = connection.createStatement();
        Statement statement = connection.createStatement()) {
      settings.execute("SET threads = 1"); // keeps the file's row order
      try (ResultSet result = statement.executeQuery(sql)) {
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= COLUMNS.length; c++) {
            Object value = result.getObject(c);
            row.add(value instanceof Integer integer ? (Object) integer.longValue() : value);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static ArrowType arrowType(String sqlType) {
    return switch (sqlType) {
      case "INTEGER" -> new ArrowType.Int(32, true);
      case "BOOLEAN" -> ArrowType.Bool.INSTANCE;
      case "TINYINT" -> new ArrowType.Int(8, true);
      case "SMALLINT" -> new ArrowType.Int(16, true);
      case "BIGINT" -> new ArrowType.Int(64, true);
      case "FLOAT" -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case "DOUBLE" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case "DATE" -> new ArrowType.Date(DateUnit.DAY);
      case "TIMESTAMP" -> ParquetTestFiles.TIMESTAMP_MICROS;
      case "VARCHAR" -> ArrowType.Utf8.INSTANCE;
      case "BLOB" -> ArrowType.Binary.INSTANCE;
      default -> {
        String[] precisionAndScale = sqlType.substring(8, sqlType.length() - 1).split(",");
        yield new ArrowType.Decimal(Integer.parseInt(precisionAndScale[0]), Integer.parseInt(precisionAndScale[1]),
            128);
      }
    };
  }
}
