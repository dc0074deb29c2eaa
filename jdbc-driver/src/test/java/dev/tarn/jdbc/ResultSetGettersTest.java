package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every JDBC getter against every Tarn type, from a real query: the value each returns, or the SQLSTATE it fails with
 * (22018 cannot convert, 22003 out of range), by index and by label, with {@code wasNull} after each; then the same
 * getters on NULLs. The tables follow JDBC 4.2 (B-3 default classes, B-6 getter conversions).
 */
class ResultSetGettersTest {

  @RegisterExtension
  static final EngineFixture FIXTURE = new EngineFixture(1);

  private static final List<String> COLUMNS = List.of("flag", "tiny", "small", "count", "big", "ratio", "score",
      "price", "name", "day", "at");
  private static final String VALUES = "SELECT true AS flag, CAST(7 AS TINYINT) AS tiny, CAST(-300 AS SMALLINT) AS small,"
      + " 42 AS count, CAST(9000000000 AS BIGINT) AS big, CAST(0.5 AS REAL) AS ratio, CAST(2.25 AS DOUBLE) AS score,"
      + " CAST(12345.67 AS DECIMAL(15, 2)) AS price, 'Zürich' AS name, DATE '1994-03-01' AS day,"
      + " TIMESTAMP '1994-03-01 12:30:15.123456' AS at, NULL AS nothing";
  private static final String NULLS = "SELECT CAST(NULL AS BOOLEAN) AS flag, CAST(NULL AS TINYINT) AS tiny,"
      + " CAST(NULL AS SMALLINT) AS small, CAST(NULL AS INTEGER) AS count, CAST(NULL AS BIGINT) AS big,"
      + " CAST(NULL AS REAL) AS ratio, CAST(NULL AS DOUBLE) AS score, CAST(NULL AS DECIMAL(15, 2)) AS price,"
      + " CAST(NULL AS VARCHAR) AS name, CAST(NULL AS DATE) AS day, CAST(NULL AS TIMESTAMP) AS at, NULL AS nothing";

  /** A getter failing with this SQLSTATE. */
  private record Fails(String sqlState) {}

  private static final Fails CANNOT_CONVERT = new Fails("22018");
  private static final Fails OUT_OF_RANGE = new Fails("22003");
  private static final Fails X = CANNOT_CONVERT;

  private static final LocalDateTime AT = LocalDateTime.of(1994, 3, 1, 12, 30, 15, 123_456_000);
  private static final LocalDate DAY = LocalDate.of(1994, 3, 1);
  /** java.sql.Time holds milliseconds: 12:30:15.123 on 1970-01-01 in the JVM's zone. */
  private static final Time TIME_OF_AT = new Time(LocalDate.ofEpochDay(0).atTime(12, 30, 15, 123_000_000)
      .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
  private static final byte[] NAME_UTF8 = "Zürich".getBytes(StandardCharsets.UTF_8);

  @FunctionalInterface
  private interface ByIndex {
    Object get(ResultSet rows, int column) throws SQLException;
  }

  @FunctionalInterface
  private interface ByLabel {
    Object get(ResultSet rows, String label) throws SQLException;
  }

  private record Getter(String name, ByIndex byIndex, ByLabel byLabel, Object nullValue) {}

  private static Getter getter(String name, ByIndex byIndex, ByLabel byLabel, Object nullValue) {
    return new Getter(name, byIndex, byLabel, nullValue);
  }

  private static final List<Getter> GETTERS = List.of(
      getter("getString", ResultSet::getString, ResultSet::getString, null),
      getter("getNString", ResultSet::getNString, ResultSet::getNString, null),
      getter("getBoolean", ResultSet::getBoolean, ResultSet::getBoolean, false),
      getter("getByte", ResultSet::getByte, ResultSet::getByte, (byte) 0),
      getter("getShort", ResultSet::getShort, ResultSet::getShort, (short) 0),
      getter("getInt", ResultSet::getInt, ResultSet::getInt, 0),
      getter("getLong", ResultSet::getLong, ResultSet::getLong, 0L),
      getter("getFloat", ResultSet::getFloat, ResultSet::getFloat, 0f),
      getter("getDouble", ResultSet::getDouble, ResultSet::getDouble, 0d),
      getter("getBigDecimal", ResultSet::getBigDecimal, ResultSet::getBigDecimal, null),
      getter("getBytes", ResultSet::getBytes, ResultSet::getBytes, null),
      getter("getDate", ResultSet::getDate, ResultSet::getDate, null),
      getter("getTime", ResultSet::getTime, ResultSet::getTime, null),
      getter("getTimestamp", ResultSet::getTimestamp, ResultSet::getTimestamp, null),
      getter("getObject", ResultSet::getObject, ResultSet::getObject, null));

  /** Per getter (or getObject class), the result per column in {@link #COLUMNS} order. */
  private static final Map<String, List<Object>> EXPECTED = new LinkedHashMap<>();

  static {
    // columns:             flag,   tiny, small, count, big, ratio, score, price, name, day, at
    expect("getString", "true", "7", "-300", "42", "9000000000", "0.5", "2.25", "12345.67", "Zürich", "1994-03-01",
        "1994-03-01 12:30:15.123456");
    expect("getNString", "true", "7", "-300", "42", "9000000000", "0.5", "2.25", "12345.67", "Zürich", "1994-03-01",
        "1994-03-01 12:30:15.123456");
    expect("getBoolean", true, true, true, true, true, true, true, true, X, X, X);
    expect("getByte", (byte) 1, (byte) 7, OUT_OF_RANGE, (byte) 42, OUT_OF_RANGE, (byte) 0, (byte) 2, OUT_OF_RANGE,
        X, X, X);
    expect("getShort", (short) 1, (short) 7, (short) -300, (short) 42, OUT_OF_RANGE, (short) 0, (short) 2,
        (short) 12345, X, X, X);
    expect("getInt", 1, 7, -300, 42, OUT_OF_RANGE, 0, 2, 12345, X, X, X);
    expect("getLong", 1L, 7L, -300L, 42L, 9_000_000_000L, 0L, 2L, 12345L, X, X, X);
    expect("getFloat", 1f, 7f, -300f, 42f, 9.0E9f, 0.5f, 2.25f, 12345.67f, X, X, X);
    expect("getDouble", 1d, 7d, -300d, 42d, 9.0E9, 0.5, 2.25, 12345.67, X, X, X);
    expect("getBigDecimal", BigDecimal.ONE, BigDecimal.valueOf(7), BigDecimal.valueOf(-300), BigDecimal.valueOf(42),
        BigDecimal.valueOf(9_000_000_000L), new BigDecimal("0.5"), new BigDecimal("2.25"),
        new BigDecimal("12345.67"), X, X, X);
    expect("getBytes", X, X, X, X, X, X, X, X, NAME_UTF8, X, X);
    expect("getDate", X, X, X, X, X, X, X, X, X, Date.valueOf("1994-03-01"), Date.valueOf("1994-03-01"));
    expect("getTime", X, X, X, X, X, X, X, X, X, X, TIME_OF_AT);
    expect("getTimestamp", X, X, X, X, X, X, X, X, X, Timestamp.valueOf("1994-03-01 00:00:00"),
        Timestamp.valueOf(AT));
    expect("getObject", true, 7, -300, 42, 9_000_000_000L, 0.5f, 2.25, new BigDecimal("12345.67"), "Zürich",
        Date.valueOf(DAY), Timestamp.valueOf(AT));

    expect(String.class, "true", "7", "-300", "42", "9000000000", "0.5", "2.25", "12345.67", "Zürich",
        "1994-03-01", "1994-03-01 12:30:15.123456");
    expect(Boolean.class, true, true, true, true, true, true, true, true, X, X, X);
    expect(Byte.class, (byte) 1, (byte) 7, OUT_OF_RANGE, (byte) 42, OUT_OF_RANGE, (byte) 0, (byte) 2, OUT_OF_RANGE,
        X, X, X);
    expect(Short.class, (short) 1, (short) 7, (short) -300, (short) 42, OUT_OF_RANGE, (short) 0, (short) 2,
        (short) 12345, X, X, X);
    expect(Integer.class, 1, 7, -300, 42, OUT_OF_RANGE, 0, 2, 12345, X, X, X);
    expect(Long.class, 1L, 7L, -300L, 42L, 9_000_000_000L, 0L, 2L, 12345L, X, X, X);
    expect(BigInteger.class, BigInteger.ONE, BigInteger.valueOf(7), BigInteger.valueOf(-300), BigInteger.valueOf(42),
        BigInteger.valueOf(9_000_000_000L), BigInteger.ZERO, BigInteger.TWO, BigInteger.valueOf(12345), X, X, X);
    expect(Float.class, 1f, 7f, -300f, 42f, 9.0E9f, 0.5f, 2.25f, 12345.67f, X, X, X);
    expect(Double.class, 1d, 7d, -300d, 42d, 9.0E9, 0.5, 2.25, 12345.67, X, X, X);
    expect(BigDecimal.class, BigDecimal.ONE, BigDecimal.valueOf(7), BigDecimal.valueOf(-300), BigDecimal.valueOf(42),
        BigDecimal.valueOf(9_000_000_000L), new BigDecimal("0.5"), new BigDecimal("2.25"),
        new BigDecimal("12345.67"), X, X, X);
    expect(byte[].class, X, X, X, X, X, X, X, X, NAME_UTF8, X, X);
    expect(LocalDate.class, X, X, X, X, X, X, X, X, X, DAY, DAY);
    expect(LocalTime.class, X, X, X, X, X, X, X, X, X, X, AT.toLocalTime());
    expect(LocalDateTime.class, X, X, X, X, X, X, X, X, X, DAY.atStartOfDay(), AT);
    expect(OffsetDateTime.class, X, X, X, X, X, X, X, X, X, X, AT.atOffset(ZoneOffset.UTC));
    expect(Instant.class, X, X, X, X, X, X, X, X, X, X, AT.toInstant(ZoneOffset.UTC));
    expect(Date.class, X, X, X, X, X, X, X, X, X, Date.valueOf(DAY), Date.valueOf(DAY));
    expect(Time.class, X, X, X, X, X, X, X, X, X, X, TIME_OF_AT);
    expect(Timestamp.class, X, X, X, X, X, X, X, X, X, Timestamp.valueOf(DAY.atStartOfDay()), Timestamp.valueOf(AT));
    expect(Object.class, true, 7, -300, 42, 9_000_000_000L, 0.5f, 2.25, new BigDecimal("12345.67"), "Zürich",
        Date.valueOf(DAY), Timestamp.valueOf(AT));
    expect(UUID.class, X, X, X, X, X, X, X, X, X, X, X);
  }

  private static void expect(String getter, Object... perColumn) {
    EXPECTED.put(getter, Arrays.asList(perColumn));
  }

  private static void expect(Class<?> type, Object... perColumn) {
    EXPECTED.put(type.getName(), Arrays.asList(perColumn));
  }

  @Test
  void everyGetterOnEveryTypeByIndexAndLabel() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(VALUES)) {
      assertThat(rows.next()).isTrue();
      for (Getter getter : GETTERS) {
        for (int column = 1; column <= COLUMNS.size(); column++) {
          Object expected = EXPECTED.get(getter.name()).get(column - 1);
          String where = getter.name() + " of " + COLUMNS.get(column - 1);
          int index = column;
          check(rows, where, expected, () -> getter.byIndex().get(rows, index));
          check(rows, where + " by label", expected, () -> getter.byLabel().get(rows, COLUMNS.get(index - 1)));
        }
      }
      for (String typeName : EXPECTED.keySet().stream().filter(name -> name.contains(".")).toList()) {
        Class<?> type = Class.forName(typeName.equals(byte[].class.getName()) ? "[B" : typeName);
        for (int column = 1; column <= COLUMNS.size(); column++) {
          Object expected = EXPECTED.get(typeName).get(column - 1);
          String where = "getObject(" + type.getSimpleName() + ") of " + COLUMNS.get(column - 1);
          int index = column;
          check(rows, where, expected, () -> rows.getObject(index, type));
          check(rows, where + " by label", expected, () -> rows.getObject(COLUMNS.get(index - 1), type));
        }
      }
    }
  }

  @FunctionalInterface
  private interface Read {
    Object read() throws SQLException;
  }

  private static void check(ResultSet rows, String where, Object expected, Read read) throws SQLException {
    if (expected instanceof Fails failure) {
      SQLException error = catchThrowableOfType(read::read, SQLException.class);
      assertThat((Throwable) error).as(where + " fails").isNotNull();
      assertThat(error.getSQLState()).as(where + ": " + error.getMessage()).isEqualTo(failure.sqlState());
      return;
    }
    Object value = read.read();
    assertThat(value).as(where).isEqualTo(expected);
    if (expected != null) {
      assertThat(value).as(where + " class").isInstanceOf(expected.getClass());
    }
    assertThat(rows.wasNull()).as("wasNull after " + where).isFalse();
  }

  @Test
  void everyGetterOnNullsReturnsNullZeroOrFalseAndSetsWasNull() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(NULLS)) {
      assertThat(rows.next()).isTrue();
      int columns = rows.getMetaData().getColumnCount();
      assertThat(columns).isEqualTo(COLUMNS.size() + 1);
      for (int column = 1; column <= columns; column++) {
        String label = rows.getMetaData().getColumnLabel(column);
        for (Getter getter : GETTERS) {
          assertThat(getter.byIndex().get(rows, column)).as(getter.name() + " of NULL " + label)
              .isEqualTo(getter.nullValue());
          assertThat(rows.wasNull()).as("wasNull after " + getter.name() + " of " + label).isTrue();
          assertThat(getter.byLabel().get(rows, label)).isEqualTo(getter.nullValue());
          assertThat(rows.wasNull()).isTrue();
        }
        for (String typeName : EXPECTED.keySet().stream().filter(name -> name.contains(".")).toList()) {
          Class<?> type = Class.forName(typeName.equals(byte[].class.getName()) ? "[B" : typeName);
          assertThat(rows.getObject(column, type)).as("getObject(%s) of NULL %s", type, label).isNull();
          assertThat(rows.wasNull()).isTrue();
        }
        assertThat(rows.getBigDecimal(column, 2)).isNull();
        assertThat(rows.getDate(column, Calendar.getInstance())).isNull();
        assertThat(rows.getTimestamp(column, Calendar.getInstance())).isNull();
        assertThat(rows.getTime(column, Calendar.getInstance())).isNull();
        assertThat(rows.getCharacterStream(column)).isNull();
        assertThat(rows.getBinaryStream(column)).isNull();
        assertThat(rows.wasNull()).isTrue();
      }
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void calendarsScaleStreamsAndErrors() throws Exception {
    TimeZone tokyo = TimeZone.getTimeZone("Asia/Tokyo");
    ZoneId tokyoZone = tokyo.toZoneId();
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(VALUES)) {
      assertThat(rows.next()).isTrue();
      Calendar calendar = Calendar.getInstance(tokyo);
      assertThat(rows.getDate("day", calendar).getTime())
          .isEqualTo(DAY.atStartOfDay(tokyoZone).toInstant().toEpochMilli());
      assertThat(rows.getDate(10, calendar)).isEqualTo(rows.getDate("day", calendar));
      Timestamp at = rows.getTimestamp("at", calendar);
      assertThat(at.toInstant()).isEqualTo(AT.atZone(tokyoZone).toInstant());
      assertThat(at.getNanos()).isEqualTo(123_456_000);
      assertThat(rows.getTime("at", calendar).getTime())
          .isEqualTo(LocalDate.ofEpochDay(0).atTime(12, 30, 15, 123_000_000).atZone(tokyoZone).toInstant().toEpochMilli());
      assertThat(calendar.getTimeZone()).as("the caller's calendar is not changed").isEqualTo(tokyo);

      assertThat(rows.getBigDecimal("price", 1)).isEqualTo(new BigDecimal("12345.7"));
      assertThat(rows.getBigDecimal(7, 3)).isEqualTo(new BigDecimal("2.250"));
      assertThat(rows.getCharacterStream("name").read()).isEqualTo('Z');
      assertThat(rows.getAsciiStream("name").readAllBytes()).hasSize(6);
      assertThat(rows.getBinaryStream("name").readAllBytes()).isEqualTo(NAME_UTF8);
      assertThat(rows.getObject("price", Map.of())).isEqualTo(new BigDecimal("12345.67"));

      assertThat(catchThrowableOfType(() -> rows.getObject(1, (Class<?>) null), SQLException.class).getSQLState())
          .isEqualTo("HY009");
      assertThat(catchThrowableOfType(() -> rows.getInt(13), SQLException.class).getSQLState()).isEqualTo("07009");
      assertThat(catchThrowableOfType(() -> rows.getInt(0), SQLException.class).getSQLState()).isEqualTo("07009");
      assertThat(catchThrowableOfType(() -> rows.getInt("nope"), SQLException.class).getSQLState())
          .isEqualTo("42S22");
      assertThat(rows.findColumn("PRICE")).as("labels ignore case").isEqualTo(8);
    }
  }

  @Test
  void getObjectClassesMatchTheMetadata() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(VALUES)) {
      assertThat(rows.next()).isTrue();
      ResultSetMetaData metadata = rows.getMetaData();
      for (int column = 1; column <= COLUMNS.size(); column++) {
        assertThat(rows.getObject(column).getClass().getName()).as(COLUMNS.get(column - 1))
            .isEqualTo(metadata.getColumnClassName(column));
      }
    }
  }

  @Test
  void textConvertsToNumbersDatesAndTimes() throws Exception {
    try (Connection connection = FIXTURE.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT ' 42 ' AS n, '1.5' AS d, '1994-03-01' AS day,"
            + " '1994-03-01 12:30:15.5' AS at, '12:30:15.25' AS t, 'yes' AS y, '2024-01-31T10:00:00+01:00' AS zoned,"
            + " '99999999999' AS big")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt("n")).isEqualTo(42);
      assertThat(rows.getInt("d")).isEqualTo(1);
      assertThat(rows.getBigDecimal("d")).isEqualTo(new BigDecimal("1.5"));
      assertThat(rows.getObject("day", LocalDate.class)).isEqualTo(DAY);
      assertThat(rows.getDate("day")).isEqualTo(Date.valueOf(DAY));
      assertThat(rows.getObject("at", LocalDateTime.class)).isEqualTo(LocalDateTime.of(1994, 3, 1, 12, 30, 15,
          500_000_000));
      assertThat(rows.getObject("at", Instant.class)).isEqualTo(Instant.parse("1994-03-01T12:30:15.500Z"));
      assertThat(rows.getObject("t", LocalTime.class)).isEqualTo(LocalTime.of(12, 30, 15, 250_000_000));
      assertThat(rows.getBoolean("y")).isTrue();
      assertThat(rows.getObject("zoned", Instant.class)).isEqualTo(Instant.parse("2024-01-31T09:00:00Z"));
      assertThat(rows.getLong("big")).isEqualTo(99_999_999_999L);
      assertThat(catchThrowableOfType(() -> rows.getInt("big"), SQLException.class).getSQLState())
          .isEqualTo("22003");
      assertThat(catchThrowableOfType(() -> rows.getObject("day", Instant.class), SQLException.class)
          .getSQLState()).isEqualTo("22018");
    }
  }
}
