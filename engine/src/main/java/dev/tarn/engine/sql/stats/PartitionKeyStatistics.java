package dev.tarn.engine.sql.stats;

import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.types.HiveType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A partition key's statistics, exact from the catalog's partitions and the rows found under each: rows of the
 * default (NULL) partition are its nulls, each distinct value of a partition with rows counts once, and numeric
 * and date keys have a range.
 */
final class PartitionKeyStatistics {

  private PartitionKeyStatistics() {}

  /** @param rowsByPartition the rows under each of {@code partitions}, in the same order */
  static ColumnStatistics of(HiveType type, int key, List<Partition> partitions, List<Long> rowsByPartition) {
    double nulls = 0;
    Set<String> values = new HashSet<>();
    Double minimum = null;
    Double maximum = null;
    boolean numeric = true;
    for (int i = 0; i < partitions.size(); i++) {
      long rows = rowsByPartition.get(i);
      String value = partitions.get(i).values().get(key);
      if (rows == 0) {
        continue;
      }
      if (value == null) {
        nulls += rows;
        continue;
      }
      values.add(value);
      Double number = numeric ? number(type, value) : null;
      if (number == null) {
        numeric = false;
      } else {
        minimum = minimum == null ? number : Math.min(minimum, number);
        maximum = maximum == null ? number : Math.max(maximum, number);
      }
    }
    return numeric
        ? new ColumnStatistics(nulls, minimum, maximum, (double) values.size())
        : new ColumnStatistics(nulls, null, null, (double) values.size());
  }

  private static Double number(HiveType type, String value) {
    try {
      return switch (type.kind()) {
        case TINYINT, SMALLINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE -> new BigDecimal(value.trim()).doubleValue();
        case DATE -> (double) LocalDate.parse(value.trim()).toEpochDay();
        default -> null;
      };
    } catch (RuntimeException notANumber) {
      return null;
    }
  }
}
