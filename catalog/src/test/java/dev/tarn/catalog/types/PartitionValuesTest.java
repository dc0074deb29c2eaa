package dev.tarn.catalog.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.catalog.store.CatalogException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionValuesTest {

  @Test
  void valuesAreNormalizedPerKeyType() {
    assertThat(PartitionValues.normalize(HiveType.INT, "007", "k")).isEqualTo("7");
    assertThat(PartitionValues.normalize(HiveType.DATE, "2024-02-29", "k")).isEqualTo("2024-02-29");
    assertThat(PartitionValues.normalize(HiveType.STRING, "Eu", "k")).isEqualTo("Eu");
    assertThat(PartitionValues.normalize(HiveType.INT, null, "k")).isNull();
    assertThatThrownBy(() -> PartitionValues.normalize(HiveType.TINYINT, "300", "k"))
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogException.Code.INVALID_INPUT));
    assertThat(PartitionValues.fits(HiveType.DATE, "2023-02-29")).isFalse();
    assertThat(PartitionValues.fits(HiveType.DATE, "20240101")).isFalse();
  }

  @Test
  void folderNamesEscapeLikeHiveAndRoundTrip() {
    assertThat(PartitionValues.folderName("k", "a/b=c:d")).isEqualTo("k=a%2Fb%3Dc%3Ad");
    assertThat(PartitionValues.fromFolderValue("a%2Fb%3Dc%3Ad")).isEqualTo("a/b=c:d");
    assertThat(PartitionValues.fromFolderValue("100%")).isEqualTo("100%");
    assertThat(PartitionValues.fromFolderValue(PartitionValues.DEFAULT_PARTITION_NAME)).isNull();
    assertThat(PartitionValues.partitionPath(List.of("y", "r"), Arrays.asList("2024", null)))
        .isEqualTo("y=2024/r=__HIVE_DEFAULT_PARTITION__");
  }
}
