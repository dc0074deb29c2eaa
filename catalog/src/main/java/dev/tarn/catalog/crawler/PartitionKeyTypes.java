package dev.tarn.catalog.crawler;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.util.Collection;
import java.util.Objects;

/**
 * Infers a partition key's type from every value seen in its folders: int if all fit in int, bigint if all fit in
 * bigint, date if all are {@code yyyy-MM-dd}, else string. Null (default partition) values do not vote.
 */
final class PartitionKeyTypes {

  private PartitionKeyTypes() {}

  /** The narrowest type of {@code INT, BIGINT, DATE, STRING} that every non-null value fits. */
  static HiveType infer(Collection<String> values) {
    var present = values.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return HiveType.STRING;
    }
    for (HiveType candidate : new HiveType[] {HiveType.INT, HiveType.BIGINT, HiveType.DATE}) {
      if (present.stream().allMatch(value -> isPlain(candidate, value) && PartitionValues.fits(candidate, value))) {
        return candidate;
      }
    }
    return HiveType.STRING;
  }

  // "+5" or " 5" parse as numbers but are not how anyone spells an integer folder; keep those as strings.
  private static boolean isPlain(HiveType type, String value) {
    return !type.isIntegral() || value.matches("-?\\d{1,19}");
  }
}
