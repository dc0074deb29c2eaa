package dev.tarn.catalog.crawler;

import dev.tarn.catalog.model.Column;
import dev.tarn.catalog.types.HiveType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The union by name of file schemas (Glue's {@code CombineCompatibleSchemas}): new names are appended, integral
 * types widen to the larger one and float to double; any other difference is a conflict that keeps the first type.
 */
final class SchemaMerge {

  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  /** A merge that starts from {@code initial} (for example the columns already in the catalog). */
  SchemaMerge(List<Column> initial) {
    initial.forEach(column -> columns.put(column.name(), column));
  }

  /** Merges the columns of one file; {@code source} names the file in conflict messages. */
  void add(List<Column> fileColumns, String source) {
    for (Column column : fileColumns) {
      Column known = columns.get(column.name());
      if (known == null) {
        columns.put(column.name(), column);
      } else if (!known.type().equals(column.type())) {
        Optional<String> wider = widen(known.type(), column.type());
        if (wider.isPresent()) {
          columns.put(column.name(), new Column(known.name(), wider.get(), known.comment(), known.parameters()));
        } else {
          conflicts.add("column " + column.name() + " is " + column.type() + " in " + source + " but " + known.type()
              + " elsewhere; kept " + known.type());
        }
      }
    }
  }

  List<Column> columns() {
    return List.copyOf(columns.values());
  }

  List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  /** The type both {@code left} and {@code right} values fit in without loss, if the pair is compatible. */
  static Optional<String> widen(String left, String right) {
    HiveType a = HiveType.parse(left);
    HiveType b = HiveType.parse(right);
    if (a.isIntegral() && b.isIntegral()) {
      return Optional.of((a.kind().compareTo(b.kind()) >= 0 ? a : b).toString());
    }
    boolean aFractional = a.kind() == HiveType.Kind.FLOAT || a.kind() == HiveType.Kind.DOUBLE;
    boolean bFractional = b.kind() == HiveType.Kind.FLOAT || b.kind() == HiveType.Kind.DOUBLE;
    if (aFractional && bFractional) {
      return Optional.of(HiveType.DOUBLE.toString());
    }
    return Optional.empty();
  }
}
