package dev.tarn.jdbc;

import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.engine.api.metadata.NamePattern;
import dev.tarn.engine.api.metadata.Relation;
import dev.tarn.engine.api.metadata.RelationColumn;
import dev.tarn.engine.api.metadata.Relations;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the catalog-backed metadata result sets (schemas, tables, columns) in JDBC's columns, from the
 * engine's {@link Relations}: the same schemas, tables and table types that the Flight SQL server and
 * {@code information_schema} report, each answered from one bulk call to the {@link CatalogStore}.
 */
final class CatalogRows {

  static final String PARTITION_KEY = "Partition key";

  private final Relations relations;

  CatalogRows(CatalogStore catalog) {
    this.relations = new Relations(catalog);
  }

  /** TABLE_SCHEM, TABLE_CATALOG: one row per database and system schema, ordered by name. */
  List<Object[]> schemas(String catalogName, String schemaPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (Relations.isCatalog(catalogName)) {
      for (String schema : relations.schemas(schemaPattern)) {
        rows.add(new Object[] {schema, TarnDriver.CATALOG});
      }
    }
    return rows;
  }

  /** The ten standard columns of getTables, ordered by TABLE_TYPE, TABLE_SCHEM and TABLE_NAME. */
  List<Object[]> tables(String catalogName, String schemaPattern, String tablePattern, String[] types) {
    List<Object[]> rows = new ArrayList<>();
    if (Relations.isCatalog(catalogName)) {
      for (Relation relation : relations.tables(schemaPattern, tablePattern, types == null ? null : List.of(types))) {
        rows.add(new Object[] {TarnDriver.CATALOG, relation.schema(), relation.name(), relation.type(),
            relation.remarks(), null, null, null, null, null});
      }
    }
    return rows;
  }

  /**
   * The 24 standard columns of getColumns: data columns, then partition keys (as SQL sees them), ordered by
   * schema, table and ordinal position.
   */
  List<Object[]> columns(String catalogName, String schemaPattern, String tablePattern, String columnPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (!Relations.isCatalog(catalogName)) {
      return rows;
    }
    NamePattern columns = NamePattern.of(columnPattern);
    // A catalog has few distinct type names and many columns: each name is parsed once per call.
    Map<String, SqlType> types = new HashMap<>();
    for (Relation relation : relations.matching(schemaPattern, tablePattern)) {
      for (RelationColumn column : relation.columns()) {
        if (columns.matches(column.name())) {
          rows.add(columnRow(relation, column, types.computeIfAbsent(column.type(), JdbcTypes::fromCatalog)));
        }
      }
    }
    return rows;
  }

  private static Object[] columnRow(Relation relation, RelationColumn column, SqlType type) {
    String remarks = column.comment() == null && column.partitionKey() ? PARTITION_KEY : column.comment();
    return new Object[] {
        TarnDriver.CATALOG, relation.schema(), relation.name(), column.name(),
        type.jdbcType(), type.name(), JdbcTypes.columnSize(type), null, JdbcTypes.decimalDigits(type),
        JdbcTypes.radix(type),
        // Lake files give no guarantees, and a partition key is NULL in Hive's default partition.
        DatabaseMetaData.columnNullable, remarks, null,
        null, null,
        JdbcTypes.octetLength(type),
        column.ordinal(), "YES",
        null, null, null, null,
        "NO", "NO"};
  }
}
