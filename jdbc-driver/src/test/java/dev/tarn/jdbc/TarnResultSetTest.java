package dev.tarn.jdbc;

import static dev.tarn.jdbc.Batches.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads Arrow batches of every type Tarn produces through the JDBC getters; the allocator proves no leaks. */
class TarnResultSetTest {

  private static final Field FLAG = field("flag", Batches.BOOL);
  private static final Field TINY = field("tiny", Batches.INT8);
  private static final Field SMALL = field("small", Batches.INT16);
  private static final Field COUNT = field("Count", Batches.INT32);
  private static final Field KEY = field("key", Batches.INT64);
  private static final Field RATIO = field("ratio", Batches.FLOAT4);
  private static final Field SCORE = field("score", Batches.FLOAT8);
  private static final Field PRICE = field("price", Batches.decimal(15, 2));
  private static final Field NAME = field("name", Batches.UTF8);
  private static final Field DAY = field("day", Batches.DATE);
  private static final Field AT = field("at", Batches.TIMESTAMP);
  private static final Schema ALL_TYPES = Batches.schema(FLAG, TINY, SMALL, COUNT, KEY, RATIO, SCORE, PRICE, NAME,
      DAY, AT);

  private BufferAllocator allocator;
  private FakeSession session;
  private Connection connection;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    session = new FakeSession(Set.of("default"));
    session.answer("SELECT * FROM all_types", () -> FakeQueryResult.rows(ALL_TYPES, List.of(
        () -> Batches.with(allocator)
            .column(FLAG, true, null).column(TINY, 7, null).column(SMALL, -300, null).column(COUNT, 42, null)
            .column(KEY, 9_000_000_000L, null).column(RATIO, 0.5f, null).column(SCORE, 2.25, null)
            .column(PRICE, new BigDecimal("12345.67"), null).column(NAME, "Zürich", null)
            .column(DAY, LocalDate.of(1994, 3, 1), null)
            .column(AT, LocalDateTime.of(1994, 3, 1, 12, 30, 15, 123_456_000), null).build())));
    session.answer("SELECT key FROM three_batches", () -> FakeQueryResult.rows(Batches.schema(KEY), List.of(
        () -> Batches.with(allocator).column(KEY, 1L, 2L).build(),
        () -> Batches.with(allocator).column(KEY).build(),
        () -> Batches.with(allocator).column(KEY, 3L).build())));
    connection = FakeConnections.connect(session, new FakeCatalogStore());
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    allocator.close();
  }

  @Test
  void readsEveryTypeWithItsNativeGetter() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean("flag")).isTrue();
      assertThat(rows.getByte("tiny")).isEqualTo((byte) 7);
      assertThat(rows.getShort("small")).isEqualTo((short) -300);
      assertThat(rows.getInt("count")).isEqualTo(42);
      assertThat(rows.getLong("key")).isEqualTo(9_000_000_000L);
      assertThat(rows.getFloat("ratio")).isEqualTo(0.5f);
      assertThat(rows.getDouble("score")).isEqualTo(2.25);
      assertThat(rows.getBigDecimal("price")).isEqualTo(new BigDecimal("12345.67"));
      assertThat(rows.getString("name")).isEqualTo("Zürich");
      assertThat(rows.getDate("day")).isEqualTo(Date.valueOf("1994-03-01"));
      assertThat(rows.getTimestamp("at")).isEqualTo(Timestamp.valueOf("1994-03-01 12:30:15.123456"));
      assertThat(rows.wasNull()).isFalse();
    }
  }

  @Test
  void getObjectGivesTheJdbcDefaultClasses() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      rows.next();
      assertThat(rows.getObject(1)).isEqualTo(true);
      assertThat(rows.getObject(2)).isEqualTo(7);
      assertThat(rows.getObject(3)).isEqualTo(-300);
      assertThat(rows.getObject(4)).isEqualTo(42);
      assertThat(rows.getObject(5)).isEqualTo(9_000_000_000L);
      assertThat(rows.getObject(6)).isEqualTo(0.5f);
      assertThat(rows.getObject(7)).isEqualTo(2.25);
      assertThat(rows.getObject(8)).isEqualTo(new BigDecimal("12345.67"));
      assertThat(rows.getObject(9)).isEqualTo("Zürich");
      assertThat(rows.getObject(10)).isEqualTo(Date.valueOf("1994-03-01"));
      assertThat(rows.getObject(11)).isEqualTo(Timestamp.valueOf("1994-03-01 12:30:15.123456"));
      ResultSetMetaData metadata = rows.getMetaData();
      for (int column = 1; column <= metadata.getColumnCount(); column++) {
        assertThat(rows.getObject(column).getClass().getName()).isEqualTo(metadata.getColumnClassName(column));
      }
    }
  }

  @Test
  void getObjectWithAClassConverts() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      rows.next();
      assertThat(rows.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(1994, 3, 1));
      assertThat(rows.getObject("at", LocalDateTime.class)).isEqualTo(LocalDateTime.of(1994, 3, 1, 12, 30, 15, 123_456_000));
      assertThat(rows.getObject("tiny", Byte.class)).isEqualTo((byte) 7);
      assertThat(rows.getObject("small", Short.class)).isEqualTo((short) -300);
      assertThat(rows.getObject("price", String.class)).isEqualTo("12345.67");
      assertThat(rows.getObject("count", Long.class)).isEqualTo(42L);
      assertThat(rows.getString("at")).isEqualTo("1994-03-01 12:30:15.123456");
      assertThat(rows.getString("day")).isEqualTo("1994-03-01");
      assertThat(rows.getInt("price")).isEqualTo(12345);
      assertThat(rows.getBigDecimal("count")).isEqualTo(BigDecimal.valueOf(42));
      assertThatThrownBy(() -> rows.getInt("key")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
      assertThatThrownBy(() -> rows.getInt("name")).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22018"));
    }
  }

  @Test
  void calendarsReadWallClockValuesInTheirZone() throws Exception {
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      rows.next();
      assertThat(rows.getDate("day", tokyo).getTime())
          .isEqualTo(LocalDate.of(1994, 3, 1).atStartOfDay(tokyo.getTimeZone().toZoneId()).toInstant().toEpochMilli());
      Timestamp at = rows.getTimestamp("at", tokyo);
      assertThat(at.toInstant()).isEqualTo(LocalDateTime.of(1994, 3, 1, 12, 30, 15, 123_456_000)
          .atZone(tokyo.getTimeZone().toZoneId()).toInstant());
      assertThat(at.getNanos()).isEqualTo(123_456_000);
    }
  }

  @Test
  void nullsReadAsNullOrZeroAndSetWasNull() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      rows.next();
      rows.next();
      for (int column = 1; column <= 11; column++) {
        assertThat(rows.getObject(column)).isNull();
        assertThat(rows.wasNull()).isTrue();
        assertThat(rows.getString(column)).isNull();
        assertThat(rows.getLong(column)).isZero();
        assertThat(rows.getObject(column, LocalDate.class)).isNull();
      }
      assertThat(rows.getBoolean(1)).isFalse();
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void metadataDescribesTheArrowTypes() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      ResultSetMetaData metadata = rows.getMetaData();
      assertThat(metadata.getColumnCount()).isEqualTo(11);
      assertThat(metadata.getColumnLabel(4)).isEqualTo("Count");
      int[] types = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
          Types.DOUBLE, Types.DECIMAL, Types.VARCHAR, Types.DATE, Types.TIMESTAMP};
      String[] names = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE", "DECIMAL",
          "VARCHAR", "DATE", "TIMESTAMP"};
      for (int column = 1; column <= 11; column++) {
        assertThat(metadata.getColumnType(column)).as(names[column - 1]).isEqualTo(types[column - 1]);
        assertThat(metadata.getColumnTypeName(column)).isEqualTo(names[column - 1]);
        assertThat(metadata.isNullable(column)).isEqualTo(ResultSetMetaData.columnNullable);
      }
      assertThat(metadata.getPrecision(8)).isEqualTo(15);
      assertThat(metadata.getScale(8)).isEqualTo(2);
      assertThat(metadata.getColumnDisplaySize(8)).isEqualTo(17);
      assertThat(metadata.getColumnDisplaySize(10)).isEqualTo(10);
      assertThat(metadata.isSigned(5)).isTrue();
      assertThat(metadata.isSigned(9)).isFalse();
    }
  }

  @Test
  void findColumnIgnoresCaseAndRejectsUnknownLabels() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM all_types")) {
      assertThat(rows.findColumn("COUNT")).isEqualTo(4);
      assertThat(rows.findColumn("count")).isEqualTo(4);
      assertThatThrownBy(() -> rows.findColumn("nope")).isInstanceOf(SQLException.class)
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> rows.getInt(1)).isInstanceOf(SQLException.class).hasMessageContaining("next()");
    }
  }

  @Test
  void streamsBatchByBatchClosingEachAndTheResultAtTheEnd() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT key FROM three_batches")) {
      FakeQueryResult result = session.results.get(0);
      assertThat(result.batchesHandedOut).as("executeQuery waits for the first batch").isEqualTo(1);
      assertThat(rows.next()).isTrue();
      assertThat(result.batchesHandedOut).isEqualTo(1);
      assertThat(rows.getLong(1)).isEqualTo(1);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(2);
      assertThat(allocator.getAllocatedMemory()).isPositive();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(3);
      assertThat(rows.getRow()).isEqualTo(3);
      assertThat(rows.next()).isFalse();
      assertThat(result.closeCount).isEqualTo(1);
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(rows.next()).isFalse();
    }
    assertThat(session.results.get(0).closeCount).isEqualTo(1);
  }

  @Test
  void maxRowsStopsEarlyAndClosingReleasesTheQuery() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(2);
      ResultSet rows = statement.executeQuery("SELECT key FROM three_batches");
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isTrue();
      assertThat(rows.next()).isFalse();
      assertThat(session.results.get(0).isClosed()).isTrue();
      assertThat(session.results.get(0).batchesHandedOut).isEqualTo(1);
      statement.setMaxRows(0);
      ResultSet again = statement.executeQuery("SELECT key FROM three_batches");
      again.next();
      again.close();
      assertThat(session.results.get(1).isClosed()).isTrue();
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThatThrownBy(again::next).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }
  }

  @Test
  void resultSetsAreForwardOnlyAndReadOnly() throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT key FROM three_batches")) {
      assertThat(rows.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(rows.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThatThrownBy(rows::previous).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
      assertThatThrownBy(() -> rows.updateInt(1, 3)).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }
  }
}
