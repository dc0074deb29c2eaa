package dev.tarn.catalog.types;

import dev.tarn.catalog.store.CatalogException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hive partition values: validation against the key type, canonical spelling, and the {@code key=value} folder
 * names Hive writes (with its %XX escaping). Shared by the store, the crawler and the DDL so all three agree.
 */
public final class PartitionValues {

  /** The folder value Hive writes for a null partition value. */
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // The characters Hive's FileUtils.escapePathName escapes, so folder names stay one path segment.
  private static final String ESCAPED = "\"#%'*/:=?\\\u007F{[]^";

  private PartitionValues() {}

  /**
   * The canonical form of {@code raw} for a key of {@code type} ({@code 03} becomes {@code 3} for an int key),
   * or null for null. Fails with INVALID_INPUT naming {@code key} when the value does not fit the type.
   */
  public static String normalize(HiveType type, String raw, String key) {
    if (raw == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case TINYINT, SMALLINT, INT, BIGINT -> {
          long value = Long.parseLong(raw.trim());
          if (!fitsIn(type, value)) {
            throw new NumberFormatException("out of range");
          }
          yield Long.toString(value);
        }
        case DATE -> {
          if (!ISO_DATE.matcher(raw.trim()).matches()) {
            throw new DateTimeParseException("not yyyy-MM-dd", raw, 0);
          }
          yield LocalDate.parse(raw.trim()).toString();
        }
        case DECIMAL, FLOAT, DOUBLE -> new BigDecimal(raw.trim()).toPlainString();
        case BOOLEAN -> {
          if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("not a boolean");
          }
          yield raw.toLowerCase(java.util.Locale.ROOT);
        }
        default -> raw;
      };
    } catch (RuntimeException e) {
      throw new CatalogException(CatalogException.Code.INVALID_INPUT, key,
          "Partition value '" + raw + "' of key " + key + " is not a valid " + type);
    }
  }

  /** Whether {@code raw} is a valid value for a key of {@code type}. */
  public static boolean fits(HiveType type, String raw) {
    try {
      normalize(type, raw, "");
      return true;
    } catch (CatalogException e) {
      return false;
    }
  }

  /** The value a {@code key=value} folder holds: unescaped, and null for the Hive default partition. */
  public static String fromFolderValue(String folderValue) {
    return DEFAULT_PARTITION_NAME.equals(folderValue) ? null : unescape(folderValue);
  }

  /** The folder {@code key=value} for a partition value, escaped as Hive does; null becomes the default partition. */
  public static String folderName(String key, String value) {
    return escape(key) + "=" + (value == null ? DEFAULT_PARTITION_NAME : escape(value));
  }

  /** The relative path {@code k1=v1/k2=v2} of a partition, as in SHOW PARTITIONS and Hive folder layouts. */
  public static String partitionPath(List<String> keys, List<String> values) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(folderName(keys.get(i), values.get(i)));
    }
    return path.toString();
  }

  /**
   * Where a partition's files are: its own location, or (when it has none) the Hive layout under the table's
   * location, {@code <table location>/k1=v1/k2=v2}.
   */
  public static String location(dev.tarn.catalog.model.Table table, dev.tarn.catalog.model.Partition partition) {
    if (partition.location() != null) {
      return partition.location();
    }
    String base = table.storageDescriptor().location();
    List<String> keys = table.partitionKeys().stream().map(dev.tarn.catalog.model.Column::name).toList();
    return (base.endsWith("/") ? base : base + "/") + partitionPath(keys, partition.values());
  }

  private static boolean fitsIn(HiveType type, long value) {
    return switch (type.kind()) {
      case TINYINT -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
      case SMALLINT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
      case INT -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      default -> true;
    };
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c < 0x20 || ESCAPED.indexOf(c) >= 0) {
        out.append('%').append(String.format("%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
