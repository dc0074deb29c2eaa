package dev.tarn.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One read of a server's catalog store, sent by Tarn's client as the body of {@link TarnProtocol#ACTION_CATALOG}
 * so that a remote connection answers metadata from the same Glue model an embedded one reads. The answer is the
 * store's return value as Glue JSON (an array for lists, null for an absent object, a number for counts).
 *
 * @param method the {@link dev.tarn.catalog.store.CatalogStore} read
 * @param database the database argument, if the read takes one
 * @param table the table argument, if the read takes one
 * @param filter the partition filter of {@link Method#LIST_PARTITIONS} ({@link PartitionFilterJson})
 */
public record CatalogCall(Method method, String database, String table, JsonNode filter) {

  /** The reads of {@link dev.tarn.catalog.store.CatalogStore}. */
  public enum Method {
    LIST_DATABASES, GET_DATABASE, LIST_TABLES, LIST_ALL_TABLES, GET_TABLE, LIST_PARTITIONS, COUNT_PARTITIONS,
    CHANGE_TOKEN
  }

  public static CatalogCall of(Method method) {
    return new CatalogCall(method, null, null, null);
  }

  public static CatalogCall of(Method method, String database) {
    return new CatalogCall(method, database, null, null);
  }

  public static CatalogCall of(Method method, String database, String table) {
    return new CatalogCall(method, database, table, null);
  }

  public byte[] toJson() {
    return ProtocolJson.write(this);
  }

  public static CatalogCall fromJson(byte[] json) {
    return ProtocolJson.read(json, CatalogCall.class);
  }
}
