package dev.tarn.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement with {@code ?} parameters. Values are kept in the classes {@code TarnSession.execute(sql,
 * parameters)} accepts (null, Boolean, Number, BigDecimal, String, LocalDate, LocalDateTime, java.sql.Date,
 * java.sql.Timestamp) and bound by the engine; the SQL text is never rewritten. Instants, OffsetDateTime and
 * ZonedDateTime values become the wall-clock time in UTC, as Tarn's TIMESTAMPs are. Cancellation, the query
 * timeout, maxRows and the fetch size behave as for {@link TarnStatement}.
 */
public final class TarnPreparedStatement extends TarnStatement implements PreparedStatement {

  private static final Object UNSET = new Object();

  private final String sql;
  private final Object[] parameters;
  private final List<Object[]> batches = new ArrayList<>();

  TarnPreparedStatement(TarnConnection connection, String sql) throws SQLException {
    super(connection);
    this.sql = sql;
    this.parameters = new Object[connection.parameterCount(sql)];
    Arrays.fill(parameters, UNSET);
  }

  private List<Object> boundParameters(Object[] values) throws SQLException {
    for (int index = 0; index < values.length; index++) {
      if (values[index] == UNSET) {
        throw new SQLException("Parameter " + (index + 1) + " of " + values.length + " is not set", "07001");
      }
    }
    return Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  private void set(int index, Object value) throws SQLException {
    checkOpen();
    if (index < 1 || index > parameters.length) {
      throw new SQLException("Parameter index " + index + " is out of range 1.." + parameters.length, "07009");
    }
    parameters[index - 1] = value;
  }

  @Override
  public boolean execute() throws SQLException {
    return run(sql, boundParameters(parameters));
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (!execute()) {
      throw new SQLException("The statement produced no result set; use executeUpdate or execute", "07000");
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) Math.min(executeLargeUpdate(), Integer.MAX_VALUE);
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return requireUpdateCount(execute());
  }

  @Override public void setNull(int index, int sqlType) throws SQLException { set(index, null); }
  @Override public void setNull(int index, int sqlType, String typeName) throws SQLException { set(index, null); }
  @Override public void setBoolean(int index, boolean value) throws SQLException { set(index, value); }
  @Override public void setByte(int index, byte value) throws SQLException { set(index, value); }
  @Override public void setShort(int index, short value) throws SQLException { set(index, value); }
  @Override public void setInt(int index, int value) throws SQLException { set(index, value); }
  @Override public void setLong(int index, long value) throws SQLException { set(index, value); }
  @Override public void setFloat(int index, float value) throws SQLException { set(index, value); }
  @Override public void setDouble(int index, double value) throws SQLException { set(index, value); }
  @Override public void setBigDecimal(int index, BigDecimal value) throws SQLException { set(index, value); }
  @Override public void setString(int index, String value) throws SQLException { set(index, value); }
  @Override public void setNString(int index, String value) throws SQLException { set(index, value); }
  @Override public void setDate(int index, Date value) throws SQLException { set(index, value); }
  @Override public void setTimestamp(int index, Timestamp value) throws SQLException { set(index, value); }

  /** The date the instant of {@code value} falls on in the calendar's time zone. */
  @Override
  public void setDate(int index, Date value, Calendar calendar) throws SQLException {
    if (value == null || calendar == null) {
      set(index, value);
      return;
    }
    set(index, value.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate());
  }

  /** The wall-clock time of the instant of {@code value} in the calendar's time zone. */
  @Override
  public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
    if (value == null || calendar == null) {
      set(index, value);
      return;
    }
    set(index, LocalDateTime.ofInstant(value.toInstant(), calendar.getTimeZone().toZoneId()));
  }

  @Override
  public void setObject(int index, Object value) throws SQLException {
    if (value == null || value instanceof Boolean || value instanceof String || value instanceof BigDecimal
        || value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float || value instanceof LocalDate
        || value instanceof LocalDateTime || value instanceof Date || value instanceof Timestamp) {
      set(index, value);
    } else if (value instanceof BigInteger integer) {
      set(index, new BigDecimal(integer));
    } else if (value instanceof Character character) {
      set(index, character.toString());
    } else if (value instanceof Time || value instanceof LocalTime) {
      throw SqlErrors.notSupported("TIME parameters");
    } else if (value instanceof java.util.Date date) {
      set(index, new Timestamp(date.getTime()));
    } else if (value instanceof Instant instant) {
      set(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC)); // Tarn's timestamps are wall-clock UTC
    } else if (value instanceof OffsetDateTime dateTime) {
      set(index, LocalDateTime.ofInstant(dateTime.toInstant(), ZoneOffset.UTC));
    } else if (value instanceof ZonedDateTime dateTime) {
      set(index, LocalDateTime.ofInstant(dateTime.toInstant(), ZoneOffset.UTC));
    } else {
      throw SqlErrors.notSupported("parameters of class " + value.getClass().getName());
    }
  }

  /** Converts {@code value} to the Java class of {@code targetSqlType} before binding it. */
  @Override
  public void setObject(int index, Object value, int targetSqlType) throws SQLException {
    if (value == null) {
      set(index, null);
      return;
    }
    switch (targetSqlType) {
      case Types.BOOLEAN, Types.BIT -> set(index, ValueConversions.toBoolean(value));
      case Types.TINYINT -> set(index, ValueConversions.toByte(value));
      case Types.SMALLINT -> set(index, ValueConversions.toShort(value));
      case Types.INTEGER -> set(index, ValueConversions.toInt(value));
      case Types.BIGINT -> set(index, ValueConversions.toLong(value));
      case Types.REAL -> set(index, (float) ValueConversions.toDouble(value));
      case Types.FLOAT, Types.DOUBLE -> set(index, ValueConversions.toDouble(value));
      case Types.DECIMAL, Types.NUMERIC -> set(index, ValueConversions.toBigDecimal(value));
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR ->
          set(index, ValueConversions.toText(value));
      case Types.DATE -> set(index, ValueConversions.toLocalDate(value));
      case Types.TIMESTAMP -> set(index, ValueConversions.toLocalDateTime(value));
      default -> throw SqlErrors.notSupported("parameters of SQL type " + targetSqlType);
    }
  }

  @Override
  public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
    setObject(index, value, targetSqlType);
  }

  /** As {@link #setObject(int, Object, int)} for a {@link java.sql.JDBCType}; no vendor types exist. */
  @Override
  public void setObject(int index, Object value, SQLType targetSqlType) throws SQLException {
    if (targetSqlType == null) {
      throw new SQLException("The target SQL type is null", "HY004");
    }
    if (!(targetSqlType instanceof JDBCType type)) {
      throw SqlErrors.notSupported("parameters of SQL type " + targetSqlType);
    }
    setObject(index, value, type.getVendorTypeNumber());
  }

  @Override
  public void setObject(int index, Object value, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    setObject(index, value, targetSqlType);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(parameters, UNSET);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    boundParameters(parameters);
    batches.add(parameters.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batches.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<Object[]> pending = new ArrayList<>(batches);
    batches.clear();
    long[] counts = new long[pending.size()];
    for (int index = 0; index < counts.length; index++) {
      counts[index] = requireUpdateCount(run(sql, boundParameters(pending.get(index))));
    }
    return counts;
  }

  /** Null: the columns are known only once the statement runs, which JDBC allows a driver to say this way. */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new TarnParameterMetaData(parameters.length);
  }

  // The SQL of a prepared statement is fixed: JDBC forbids the Statement methods that take SQL.
  @Override public boolean execute(String ignored) throws SQLException { throw sqlGiven(); }
  @Override public ResultSet executeQuery(String ignored) throws SQLException { throw sqlGiven(); }
  @Override public int executeUpdate(String ignored) throws SQLException { throw sqlGiven(); }
  @Override public long executeLargeUpdate(String ignored) throws SQLException { throw sqlGiven(); }
  @Override public void addBatch(String ignored) throws SQLException { throw sqlGiven(); }

  private static SQLException sqlGiven() {
    return new SQLException("A PreparedStatement runs its own SQL: call the method without SQL", "HY000");
  }

  // Tarn has no LOB, stream, array, ref, row id, URL, XML or TIME parameters.
  @Override public void setTime(int index, Time value) throws SQLException { throw SqlErrors.notSupported("TIME parameters"); }
  @Override public void setTime(int index, Time value, Calendar calendar) throws SQLException { throw SqlErrors.notSupported("TIME parameters"); }
  @Override public void setBytes(int index, byte[] value) throws SQLException { throw SqlErrors.notSupported("binary parameters"); }
  @Override public void setAsciiStream(int index, InputStream value, int length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override @Deprecated public void setUnicodeStream(int index, InputStream value, int length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setBinaryStream(int index, InputStream value, int length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setCharacterStream(int index, Reader reader, int length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setAsciiStream(int index, InputStream value, long length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setBinaryStream(int index, InputStream value, long length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setCharacterStream(int index, Reader reader, long length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setAsciiStream(int index, InputStream value) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setBinaryStream(int index, InputStream value) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setCharacterStream(int index, Reader reader) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setNCharacterStream(int index, Reader value, long length) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setNCharacterStream(int index, Reader value) throws SQLException { throw SqlErrors.notSupported("stream parameters"); }
  @Override public void setRef(int index, Ref value) throws SQLException { throw SqlErrors.notSupported("REF parameters"); }
  @Override public void setBlob(int index, Blob value) throws SQLException { throw SqlErrors.notSupported("BLOB parameters"); }
  @Override public void setBlob(int index, InputStream value, long length) throws SQLException { throw SqlErrors.notSupported("BLOB parameters"); }
  @Override public void setBlob(int index, InputStream value) throws SQLException { throw SqlErrors.notSupported("BLOB parameters"); }
  @Override public void setClob(int index, Clob value) throws SQLException { throw SqlErrors.notSupported("CLOB parameters"); }
  @Override public void setClob(int index, Reader reader, long length) throws SQLException { throw SqlErrors.notSupported("CLOB parameters"); }
  @Override public void setClob(int index, Reader reader) throws SQLException { throw SqlErrors.notSupported("CLOB parameters"); }
  @Override public void setNClob(int index, NClob value) throws SQLException { throw SqlErrors.notSupported("NCLOB parameters"); }
  @Override public void setNClob(int index, Reader reader, long length) throws SQLException { throw SqlErrors.notSupported("NCLOB parameters"); }
  @Override public void setNClob(int index, Reader reader) throws SQLException { throw SqlErrors.notSupported("NCLOB parameters"); }
  @Override public void setArray(int index, Array value) throws SQLException { throw SqlErrors.notSupported("ARRAY parameters"); }
  @Override public void setURL(int index, URL value) throws SQLException { throw SqlErrors.notSupported("URL parameters"); }
  @Override public void setRowId(int index, RowId value) throws SQLException { throw SqlErrors.notSupported("ROWID parameters"); }
  @Override public void setSQLXML(int index, SQLXML value) throws SQLException { throw SqlErrors.notSupported("SQLXML parameters"); }
}
