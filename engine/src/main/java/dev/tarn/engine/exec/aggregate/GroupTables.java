package dev.tarn.engine.exec.aggregate;

import dev.tarn.engine.exec.vector.SqlTypes;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Chooses a {@link GroupTable} from the key types, once per operator: keys that are all fixed-width values exactly
 * representable as a long (integers, booleans, dates, timestamps, decimals of precision at most 18) get a primitive
 * table with the keys inline ({@link LongKeyGroupTable} for one column, {@link FixedKeyGroupTable} for up to
 * {@link #MAX_FIXED_COLUMNS}); grouping keys with strings start on the fixed table while the strings fit in a long
 * ({@link FallbackGroupTable}); a single VARCHAR key of any length the {@link StringKeyGroupTable}; anything else
 * (wide decimals, floating point, NULL-typed columns, several strings that do not fit) the byte-encoded
 * {@link EncodedKeyGroupTable}. All number keys identically, which the tests check.
 */
public final class GroupTables {
  /** Column kinds, as the byte encoding compares them: a long-backed value never equals a decimal. */
  static final int OTHER = 0;
  static final int LONG = 1;
  static final int DECIMAL = 2;
  static final int STRING = 3;

  /** Null masks are a long per row, bit i for column i; bit 63 marks a row that cannot match (see FixedKeys). */
  public static final int MAX_FIXED_COLUMNS = 32;
  /** A packed string's length takes 4 mask bits from bit 32 on (see FixedKeys), so at most 7 string columns. */
  public static final int MAX_STRING_COLUMNS = 7;

  private GroupTables() {}

  /** A table for GROUP BY over {@code keyFields}, keeping each group's key values for {@link GroupTable#takeKeys}. */
  public static GroupTable forGrouping(List<Field> keyFields, BufferAllocator allocator) {
    List<ArrowType> types = keyFields.stream().map(Field::getType).toList();
    if (fixedWidth(types, true)) {
      int[] kinds = kinds(types);
      if (Arrays.stream(kinds).anyMatch(kind -> kind == STRING)) {
        return new FallbackGroupTable(keyFields, kinds, allocator);
      }
      return kinds.length == 1 ? new LongKeyGroupTable(kinds) : new FixedKeyGroupTable(kinds);
    }
    return general(keyFields, allocator);
  }

  /** The table for keys of any length: {@link StringKeyGroupTable} for one VARCHAR, else the encoded one. */
  static GroupTable general(List<Field> keyFields, BufferAllocator allocator) {
    if (keyFields.size() == 1 && kind(keyFields.get(0).getType()) == STRING) {
      return new StringKeyGroupTable();
    }
    return new EncodedKeyGroupTable(keyFields, allocator);
  }

  /** A table for join keys of these columns' types (it keeps no key values to output). */
  public static GroupTable forJoin(List<FieldVector> keyColumns) {
    List<ArrowType> types = keyColumns.stream().map(column -> column.getField().getType()).toList();
    // String join keys are not packed: a join has no allocator to move its keys to another table mid-build.
    if (fixedWidth(types, false)) {
      int[] kinds = kinds(types);
      return kinds.length == 1 ? new LongKeyGroupTable(kinds) : new FixedKeyGroupTable(kinds);
    }
    if (types.size() == 1 && kind(types.get(0)) == STRING) {
      return new StringKeyGroupTable();
    }
    return new EncodedKeyGroupTable(null, null);
  }

  /** Whether the fast tables can hold keys of {@code types}; {@code strings}: VARCHAR ones too, packed if short. */
  public static boolean fixedWidth(List<ArrowType> types, boolean strings) {
    if (types.isEmpty() || types.size() > MAX_FIXED_COLUMNS) {
      return false;
    }
    int stringCount = 0;
    for (ArrowType type : types) {
      int kind = kind(type);
      if (kind == STRING) {
        stringCount++;
      }
      if (kind == OTHER || (kind == STRING && !strings) || (kind == DECIMAL && !SqlTypes.isShortDecimal(type))) {
        return false;
      }
    }
    return stringCount <= MAX_STRING_COLUMNS;
  }

  /** The kind of a column type, as far as key equality goes; wide decimals are DECIMAL too (checked per value). */
  static int kind(ArrowType type) {
    return switch (type.getTypeID()) {
      case Int -> ((ArrowType.Int) type).getIsSigned() ? LONG : OTHER;
      case Bool -> LONG;
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? LONG : OTHER;
      case Timestamp -> ((ArrowType.Timestamp) type).getUnit() == TimeUnit.MICROSECOND
          && ((ArrowType.Timestamp) type).getTimezone() == null ? LONG : OTHER;
      case Decimal -> DECIMAL;
      case Utf8 -> STRING;
      default -> OTHER;
    };
  }

  static int[] kinds(List<ArrowType> types) {
    int[] kinds = new int[types.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(types.get(i));
    }
    return kinds;
  }

  /** Whether probe columns can equal keys of {@code kinds}: same count, same kind per column. */
  static boolean comparable(int[] kinds, List<FieldVector> columns) {
    if (columns.size() != kinds.length) {
      return false;
    }
    for (int i = 0; i < kinds.length; i++) {
      if (kind(columns.get(i).getField().getType()) != kinds[i]) {
        return false;
      }
    }
    return true;
  }

  /** A 64-bit finalizer (murmur3 fmix64): every input bit affects every output bit, so low bits pick slots well. */
  static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
