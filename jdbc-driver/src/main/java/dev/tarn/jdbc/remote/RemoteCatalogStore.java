package dev.tarn.jdbc.remote;

import dev.tarn.catalog.model.Database;
import dev.tarn.catalog.model.GlueJson;
import dev.tarn.catalog.model.Partition;
import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.store.CatalogStore;
import dev.tarn.catalog.store.PartitionFilter;
import dev.tarn.server.protocol.CatalogCall;
import dev.tarn.server.protocol.PartitionFilterJson;
import dev.tarn.server.protocol.TarnProtocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A server's catalog store, read through {@link TarnProtocol#ACTION_CATALOG} in the Glue model, so a remote
 * connection's metadata is computed by the same code from the same objects as an embedded one's. Read-only: the
 * catalog of a server changes through DDL statements, which the server runs.
 */
public final class RemoteCatalogStore implements CatalogStore {

  private final FlightChannel channel;

  public RemoteCatalogStore(FlightChannel channel) {
    this.channel = channel;
  }

  private String call(CatalogCall call) {
    return new String(channel.action(TarnProtocol.ACTION_CATALOG, call.toJson()), StandardCharsets.UTF_8);
  }

  @Override
  public List<Database> listDatabases() {
    return List.of(GlueJson.read(call(CatalogCall.of(CatalogCall.Method.LIST_DATABASES)), Database[].class));
  }

  @Override
  public Optional<Database> getDatabase(String name) {
    return Optional.ofNullable(GlueJson.read(call(CatalogCall.of(CatalogCall.Method.GET_DATABASE, name)),
        Database.class));
  }

  @Override
  public List<Table> listTables(String database) {
    return List.of(GlueJson.read(call(CatalogCall.of(CatalogCall.Method.LIST_TABLES, database)), Table[].class));
  }

  @Override
  public List<Table> listAllTables() {
    return List.of(GlueJson.read(call(CatalogCall.of(CatalogCall.Method.LIST_ALL_TABLES)), Table[].class));
  }

  @Override
  public Optional<Table> getTable(String database, String table) {
    return Optional.ofNullable(GlueJson.read(call(CatalogCall.of(CatalogCall.Method.GET_TABLE, database, table)),
        Table.class));
  }

  @Override
  public List<Partition> listPartitions(String database, String table, PartitionFilter filter) {
    CatalogCall call = new CatalogCall(CatalogCall.Method.LIST_PARTITIONS, database, table,
        PartitionFilterJson.write(filter));
    return List.of(GlueJson.read(call(call), Partition[].class));
  }

  @Override
  public long countPartitions(String database, String table) {
    return Long.parseLong(call(CatalogCall.of(CatalogCall.Method.COUNT_PARTITIONS, database, table)).trim());
  }

  @Override
  public long changeToken() {
    return Long.parseLong(call(CatalogCall.of(CatalogCall.Method.CHANGE_TOKEN)).trim());
  }

  @Override
  public boolean createDatabase(Database database, boolean ifNotExists) {
    throw readOnly();
  }

  @Override
  public boolean dropDatabase(String name, boolean ifExists, boolean cascade) {
    throw readOnly();
  }

  @Override
  public boolean createTable(Table table, boolean ifNotExists) {
    throw readOnly();
  }

  @Override
  public void updateTable(Table table) {
    throw readOnly();
  }

  @Override
  public boolean dropTable(String database, String table, boolean ifExists) {
    throw readOnly();
  }

  @Override
  public int addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) {
    throw readOnly();
  }

  @Override
  public int dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists) {
    throw readOnly();
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("The catalog of the Tarn server " + channel.options().address()
        + " is read-only through a remote connection: change it with DDL statements (CREATE TABLE, MSCK REPAIR"
        + " TABLE, ...), which the server runs");
  }

  /** Nothing to release: the session owns the channel. */
  @Override
  public void close() {}
}
