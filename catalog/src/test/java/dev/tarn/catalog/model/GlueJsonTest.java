package dev.tarn.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueJsonTest {

  @Test
  void tablesRoundTripWithGlueFieldNamesAndIsoInstants() {
    Table table = Table.external("db", "t", List.of(Column.of("a", "int")), List.of(Column.of("dt", "date")),
        "s3://bucket/t", StorageFormat.PARQUET, Map.of());
    String json = GlueJson.write(table);
    assertThat(json).contains("\"StorageDescriptor\"", "\"PartitionKeys\"", "\"Columns\"", "\"SerdeInfo\"",
        "\"SerializationLibrary\"", "\"CreateTime\":\"" + table.createTime() + "\"");
    assertThat(GlueJson.read(json, Table.class)).isEqualTo(table);
  }

  @Test
  void epochSecondsFromTheGlueApiAndUnknownFieldsAreRead() {
    Database database = GlueJson.read("{\"Name\":\"Db\",\"CreateTime\":1700000000.25,\"CatalogId\":\"123\"}",
        Database.class);
    assertThat(database.name()).isEqualTo("db");
    assertThat(database.createTime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000L));
  }
}
