package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.api.EngineConfig;
import dev.tarn.jdbc.remote.RemoteOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** URL parsing, driver registration and the shared-engine reference counting. */
class TarnUrlTest {

  @Test
  void parsesPathsAndProperties() throws Exception {
    TarnUrl url = TarnUrl.parse("jdbc:tarn:/data/warehouse;database=tpch;queryMemoryLimit=512m", null);
    assertThat(url.warehouse()).isEqualTo(Path.of("/data/warehouse"));
    assertThat(url.database()).isEqualTo("tpch");
    assertThat(url.queryMemoryLimitBytes()).isEqualTo(512L << 20);
    assertThat(url.batchSize()).isEqualTo(8192);
    assertThat(TarnUrl.parse("jdbc:tarn:", null).warehouse()).isEqualTo(EngineConfig.defaultWarehouse());
    assertThat(TarnUrl.parse("jdbc:tarn:~/w", null).warehouse())
        .isEqualTo(Path.of(System.getProperty("user.home"), "w"));
    assertThat(TarnUrl.parse("jdbc:tarn:file:///tmp/a/../w", null).warehouse()).isEqualTo(Path.of("/tmp/w"));
    Properties properties = new Properties();
    properties.setProperty("database", "other");
    properties.setProperty("batchSize", "1024");
    properties.setProperty("user", "ignored");
    TarnUrl withProperties = TarnUrl.parse("jdbc:tarn:/w;database=tpch", properties);
    assertThat(withProperties.database()).isEqualTo("tpch");
    assertThat(withProperties.batchSize()).isEqualTo(1024);
    assertThat(url.threads()).isEqualTo(EngineConfig.defaultThreads());
    properties.setProperty("threads", "3");
    assertThat(TarnUrl.parse("jdbc:tarn:/w", properties).engineConfig().threads()).isEqualTo(3);
    assertThat(TarnUrl.parse("jdbc:tarn:/w;threads=1", properties).engineConfig().threads()).isEqualTo(1);
    assertThat(TarnUrl.parseBytes("2g", 0)).isEqualTo(2L << 30);
  }

  @Test
  void parsesRemoteUrls() throws Exception {
    TarnUrl url = TarnUrl.parse("jdbc:tarn://db.example.com:4000;database=tpch;user=ann;password=p w;tls=true;"
        + "trustStore=/certs/server.pem;trustStorePassword=x", null);
    assertThat(url.isRemote()).isTrue();
    assertThat(url.warehouse()).isNull();
    assertThat(url.database()).isEqualTo("tpch");
    RemoteOptions remote = url.remote();
    assertThat(remote.host()).isEqualTo("db.example.com");
    assertThat(remote.port()).isEqualTo(4000);
    assertThat(remote.user()).isEqualTo("ann");
    assertThat(remote.password()).isEqualTo("p w");
    assertThat(remote.tls()).isTrue();
    assertThat(remote.trustStore()).isEqualTo(Path.of("/certs/server.pem"));
    assertThat(remote.verifyServer()).isTrue();
    assertThat(remote.toString()).doesNotContain("p w");
    assertThat(TarnUrl.parse("jdbc:tarn://localhost", null).remote().port()).isEqualTo(RemoteOptions.DEFAULT_PORT);
    RemoteOptions ipv6 = TarnUrl.parse("jdbc:tarn://[::1]:5000;disableCertificateVerification=true", null).remote();
    assertThat(ipv6.host()).isEqualTo("::1");
    assertThat(ipv6.port()).isEqualTo(5000);
    assertThat(ipv6.address()).isEqualTo("[::1]:5000");
    assertThat(ipv6.verifyServer()).isFalse();
    Properties properties = new Properties();
    properties.setProperty("user", "bob");
    properties.setProperty("token", "t0k");
    RemoteOptions fromProperties = TarnUrl.parse("jdbc:tarn://h:1", properties).remote();
    assertThat(fromProperties.user()).isEqualTo("bob");
    assertThat(fromProperties.token()).isEqualTo("t0k");
    assertThat(fromProperties.tls()).isFalse();
  }

  @Test
  void rejectsMalformedUrlsAndTypos() {
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn://h:1;threads=2", null))
        .hasMessageContaining("threads=2").hasMessageContaining("remote URL takes");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn://h:http", null)).hasMessageContaining("Invalid port");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn://h:1;tls=maybe", null)).hasMessageContaining("tls");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn://:1", null)).hasMessageContaining("names its server");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn:/w;databse=x", null)).hasMessageContaining("databse=x");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn:/w;threads=0", null)).hasMessageContaining("threads");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:tarn:/w;queryMemoryLimit=lots", null))
        .hasMessageContaining("queryMemoryLimit");
    assertThatThrownBy(() -> TarnUrl.parse("jdbc:postgresql://x", null)).hasMessageContaining("Not a Tarn URL");
  }

  @Test
  void driverManagerFindsTheDriver() throws Exception {
    Driver driver = DriverManager.getDriver("jdbc:tarn:/somewhere");
    assertThat(driver).isInstanceOf(TarnDriver.class);
    assertThat(driver.acceptsURL("jdbc:mysql://x")).isFalse();
    assertThat(driver.connect("jdbc:mysql://x", new Properties())).isNull();
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tarn://127.0.0.1:" + unused))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("cannot be reached").contains("127.0.0.1:" + unused);
        });
    assertThat(driver.getPropertyInfo("jdbc:tarn:", new Properties())).extracting(info -> info.name)
        .containsExactly("database", "queryMemoryLimit", "batchSize", "threads");
    assertThat(driver.getPropertyInfo("jdbc:tarn://h:1", new Properties())).extracting(info -> info.name)
        .containsExactly("database", "user", "password", "token", "tls", "trustStore", "trustStorePassword",
            "disableCertificateVerification");
  }

  @Test
  void sharedResourcesCloseWithTheLastLease() throws Exception {
    SharedResources<String, AutoCloseable> shared = new SharedResources<>();
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    AutoCloseable resource = closed::incrementAndGet;
    SharedResources.Lease<AutoCloseable> first = shared.acquire("w", () -> {
      opened.incrementAndGet();
      return resource;
    });
    SharedResources.Lease<AutoCloseable> second = shared.acquire("w", () -> {
      opened.incrementAndGet();
      return resource;
    });
    assertThat(opened).hasValue(1);
    assertThat(second.resource()).isSameAs(first.resource());
    assertThat(shared.references("w")).isEqualTo(2);
    first.close();
    first.close();
    assertThat(closed).hasValue(0);
    assertThat(shared.references("w")).isEqualTo(1);
    second.close();
    assertThat(closed).hasValue(1);
    assertThat(shared.references("w")).isZero();
  }
}
