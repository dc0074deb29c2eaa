package dev.tarn.jdbc;

import java.sql.Connection;

/** Connections on hand-written sessions and catalogs, for tests that must not need a real engine. */
public final class FakeConnections {

  private FakeConnections() {
  }

  public static Connection connect(FakeSession session, FakeCatalogStore catalog) {
    return new TarnConnection("jdbc:tarn:/fake", session, () -> catalog, () -> { });
  }
}
