package dev.tarn.catalog.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.catalog.types.HiveType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionKeyTypesTest {

  @Test
  void theNarrowestTypeThatFitsEveryValueWins() {
    assertThat(PartitionKeyTypes.infer(List.of("1", "-20", "2147483647"))).isEqualTo(HiveType.INT);
    assertThat(PartitionKeyTypes.infer(List.of("1", "2147483648"))).isEqualTo(HiveType.BIGINT);
    assertThat(PartitionKeyTypes.infer(List.of("2024-01-31", "1999-12-01"))).isEqualTo(HiveType.DATE);
    assertThat(PartitionKeyTypes.infer(List.of("2024-02-30"))).isEqualTo(HiveType.STRING);
    assertThat(PartitionKeyTypes.infer(List.of("1", "x"))).isEqualTo(HiveType.STRING);
    assertThat(PartitionKeyTypes.infer(List.of("+1"))).isEqualTo(HiveType.STRING);
    assertThat(PartitionKeyTypes.infer(List.of("99999999999999999999"))).isEqualTo(HiveType.STRING);
    assertThat(PartitionKeyTypes.infer(Arrays.asList("7", null))).isEqualTo(HiveType.INT);
    assertThat(PartitionKeyTypes.infer(Arrays.asList((String) null))).isEqualTo(HiveType.STRING);
  }

  @Test
  void widening() {
    assertThat(SchemaMerge.widen("int", "bigint")).contains("bigint");
    assertThat(SchemaMerge.widen("smallint", "tinyint")).contains("smallint");
    assertThat(SchemaMerge.widen("float", "double")).contains("double");
    assertThat(SchemaMerge.widen("int", "string")).isEmpty();
    assertThat(SchemaMerge.widen("int", "double")).isEmpty();
  }
}
