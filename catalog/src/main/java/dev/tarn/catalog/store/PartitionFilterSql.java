package dev.tarn.catalog.store;

import dev.tarn.catalog.types.HiveType;
import dev.tarn.catalog.types.PartitionValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a {@link PartitionFilter} into an SQL condition on {@code p.partition_id}. Every leaf becomes
 * {@code p.partition_id IN (SELECT partition_id FROM partition_values WHERE table_id = ? AND key_index = ? AND ...)},
 * which SQLite answers with a range scan of {@code partition_values_by_value}, so a selective filter never reads
 * every partition of the table.
 */
final class PartitionFilterSql {

  /** An SQL condition and the parameters it binds, in order. */
  record Condition(String sql, List<Object> parameters) {}

  private final long tableId;
  private final List<HiveType> keyTypes;
  private final List<Object> parameters = new ArrayList<>();

  private PartitionFilterSql(long tableId, List<HiveType> keyTypes) {
    this.tableId = tableId;
    this.keyTypes = keyTypes;
  }

  /** The condition for {@code filter} on the partitions of the table with id {@code tableId}. */
  static Condition translate(PartitionFilter filter, long tableId, List<HiveType> keyTypes) {
    PartitionFilterSql translator = new PartitionFilterSql(tableId, keyTypes);
    String sql = translator.condition(filter);
    return new Condition(sql, List.copyOf(translator.parameters));
  }

  /**
   * The value stored in {@code partition_values.value} for a partition value of a key of {@code type}: a Long for
   * integral keys, a Double for fractional keys, else the canonical text. Null stays null.
   */
  static Object storedValue(HiveType type, String value, String key) {
    String canonical = PartitionValues.normalize(type, value, key);
    if (canonical == null) {
      return null;
    }
    return switch (type.kind()) {
      case TINYINT, SMALLINT, INT, BIGINT -> Long.parseLong(canonical);
      case DECIMAL, FLOAT, DOUBLE -> Double.parseDouble(canonical);
      default -> canonical;
    };
  }

  private String condition(PartitionFilter filter) {
    if (filter instanceof PartitionFilter.All) {
      return "1";
    }
    if (filter instanceof PartitionFilter.And and) {
      return conjunction(and.terms());
    }
    if (filter instanceof PartitionFilter.Or or) {
      return join(or.terms(), " OR ", "0");
    }
    if (filter instanceof PartitionFilter.Compare compare) {
      return compareSubquery(compare.keyIndex(), List.of(compare));
    }
    if (filter instanceof PartitionFilter.In in) {
      if (in.values().isEmpty()) {
        return "0";
      }
      HiveType type = keyType(in.keyIndex());
      List<Object> values = new ArrayList<>();
      for (Object value : in.values()) {
        values.add(filterValue(type, value, in.keyIndex()));
      }
      String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
      return valueSubquery(in.keyIndex(), "value IN (" + marks + ")", values);
    }
    if (filter instanceof PartitionFilter.IsNull isNull) {
      keyType(isNull.keyIndex());
      return valueSubquery(isNull.keyIndex(), isNull.negated() ? "value IS NOT NULL" : "value IS NULL", List.of());
    }
    throw new IllegalArgumentException("Unknown partition filter " + filter);
  }

  /**
   * AND of terms. Comparisons on the same key share one subquery, so {@code day >= 500 AND day < 502} is one index
   * range of a few entries rather than two half-open ranges intersected afterwards.
   */
  private String conjunction(List<PartitionFilter> terms) {
    java.util.Map<Integer, List<PartitionFilter.Compare>> comparesByKey = new java.util.LinkedHashMap<>();
    List<PartitionFilter> others = new ArrayList<>();
    for (PartitionFilter term : terms) {
      if (term instanceof PartitionFilter.Compare compare) {
        comparesByKey.computeIfAbsent(compare.keyIndex(), k -> new ArrayList<>()).add(compare);
      } else {
        others.add(term);
      }
    }
    List<String> parts = new ArrayList<>();
    comparesByKey.forEach((key, compares) -> parts.add("(" + compareSubquery(key, compares) + ")"));
    if (!others.isEmpty()) {
      parts.add(join(others, " AND ", "1"));
    }
    return parts.isEmpty() ? "1" : String.join(" AND ", parts);
  }

  private String compareSubquery(int keyIndex, List<PartitionFilter.Compare> compares) {
    HiveType type = keyType(keyIndex);
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (PartitionFilter.Compare compare : compares) {
      String op = switch (compare.op()) {
        case EQ -> "=";
        case NE -> "<>";
        case LT -> "<";
        case LE -> "<=";
        case GT -> ">";
        case GE -> ">=";
      };
      conditions.add("value " + op + " ?");
      values.add(filterValue(type, compare.value(), keyIndex));
    }
    return valueSubquery(keyIndex, String.join(" AND ", conditions), values);
  }

  private String join(List<PartitionFilter> terms, String operator, String empty) {
    if (terms.isEmpty()) {
      return empty;
    }
    List<String> parts = new ArrayList<>();
    for (PartitionFilter term : terms) {
      parts.add("(" + condition(term) + ")");
    }
    return String.join(operator, parts);
  }

  private String valueSubquery(int keyIndex, String valueCondition, List<Object> values) {
    parameters.add(tableId);
    parameters.add((long) keyIndex);
    parameters.addAll(values);
    return "p.partition_id IN (SELECT partition_id FROM partition_values WHERE table_id = ? AND key_index = ? AND "
        + valueCondition + ")";
  }

  private HiveType keyType(int keyIndex) {
    if (keyIndex < 0 || keyIndex >= keyTypes.size()) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, null,
          "Partition filter refers to key " + keyIndex + " but the table has " + keyTypes.size() + " partition keys");
    }
    return keyTypes.get(keyIndex);
  }

  /** A filter literal converted to what the key's values are stored as, so SQLite compares like with like. */
  private static Object filterValue(HiveType type, Object value, int keyIndex) {
    String text = value instanceof LocalDate date ? date.toString() : String.valueOf(value);
    if (value instanceof Number number && type.isIntegral()) {
      return number.longValue();
    }
    Object stored = storedValue(type, text, "key " + keyIndex);
    if (stored == null) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, null, "Null literal in a partition filter");
    }
    return stored;
  }
}
