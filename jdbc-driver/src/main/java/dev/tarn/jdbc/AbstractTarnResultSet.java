package dev.tarn.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reading half of a forward-only result set, over column accessors: navigation, typed getters by index
 * and by label, {@code wasNull}, metadata. Subclasses say how to reach the next row ({@link #advance}), whether
 * there is one ({@link #hasNextRow}) and what to free ({@link #release}); rows come from Arrow batches
 * ({@link TarnResultSet}) or memory ({@link InMemoryResultSet}).
 *
 * <p>Getters follow JDBC 4.2 (tables B-3 and B-6): {@code getObject(column)} gives the type's default class,
 * {@code getObject(column, Class)} converts to String, Boolean, Byte, Short, Integer, Long, BigInteger, Float,
 * Double, BigDecimal, byte[], LocalDate, LocalTime, LocalDateTime, OffsetDateTime and Instant (TIMESTAMP values
 * are wall-clock times in UTC, as in Athena, so they are instants at offset 0; a DATE is not an instant), and
 * java.sql.Date, Time and Timestamp. A value that does not convert fails with SQLSTATE 22018, one out of the
 * target's range with 22003. Every getter sets {@link #wasNull()}; primitive getters return 0 or false for NULL.
 * Scrolling, updates, and LOB, ARRAY, REF, ROWID, XML and URL values throw {@link
 * java.sql.SQLFeatureNotSupportedException}.
 */
abstract class AbstractTarnResultSet extends ReadOnlyResultSet {

  private final Statement statement;
  private final List<ColumnDescription> columns;
  private final Map<String, Integer> columnsByLabel = new HashMap<>();
  private final long maxRows;
  /** The accessors of the current row's columns, set by {@link #advance}. */
  protected ColumnAccessor[] accessors;
  /** The current row's index for the accessors, set by {@link #advance}. */
  protected int row;
  private long rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;

  /**
   * @param maxRows the most rows to return (0: all)
   */
  AbstractTarnResultSet(Statement statement, List<ColumnDescription> columns, long maxRows) {
    this(statement, columns, maxRows, 0);
  }

  /**
   * @param maxRows the most rows to return (0: all)
   * @param fetchSize the fetch size hint it starts with (its statement's)
   */
  AbstractTarnResultSet(Statement statement, List<ColumnDescription> columns, long maxRows, int fetchSize) {
    this.statement = statement;
    this.fetchSize = fetchSize;
    this.columns = List.copyOf(columns);
    this.maxRows = maxRows;
    for (int index = columns.size() - 1; index >= 0; index--) {
      // The first column with a label wins, as JDBC specifies for duplicate labels.
      columnsByLabel.put(columns.get(index).label().toLowerCase(Locale.ROOT), index + 1);
    }
  }

  /** Moves to the next row, setting {@link #accessors} and {@link #row}; false at the end. */
  abstract boolean advance() throws SQLException;

  /** Whether {@link #advance} would find a row (maxRows aside); may read ahead, never moves the cursor. */
  abstract boolean hasNextRow() throws SQLException;

  /** Told of a new fetch size (0: the engine's choice); a hint, which in-memory rows ignore. */
  void fetchSizeChanged(int rows) {
  }

  /** Frees what the rows hold; called once at the end of the rows or on close, whichever comes first. */
  abstract void release();

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("result set");
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    if ((maxRows > 0 && rowNumber >= maxRows) || !advance()) {
      afterLast = true;
      accessors = null;
      release();
      return false;
    }
    rowNumber++;
    return true;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      accessors = null;
      release();
      if (statement instanceof TarnStatement tarnStatement) {
        tarnStatement.resultSetClosed(this);
      }
    }
  }

  @Override public boolean isClosed() { return closed; }
  @Override public boolean wasNull() throws SQLException { checkOpen(); return wasNull; }
  @Override public ResultSetMetaData getMetaData() throws SQLException { checkOpen(); return new TarnResultSetMetaData(columns); }
  @Override public Statement getStatement() throws SQLException { checkOpen(); return statement; }
  @Override public SQLWarning getWarnings() throws SQLException { checkOpen(); return null; }
  @Override public void clearWarnings() throws SQLException { checkOpen(); }
  @Override public String getCursorName() throws SQLException { throw SqlErrors.notSupported("named cursors"); }
  /** True before the first row of a result set that has rows; false for one without rows (as JDBC says). */
  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast && hasRowWithinLimit();
  }

  @Override public boolean isAfterLast() throws SQLException { checkOpen(); return afterLast && rowNumber > 0; }
  @Override public boolean isFirst() throws SQLException { checkOpen(); return rowNumber == 1 && !afterLast; }

  /** Whether the cursor is on the last row; it may have to wait for the query's next batch to tell. */
  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return rowNumber > 0 && !afterLast && !hasRowWithinLimit();
  }

  private boolean hasRowWithinLimit() throws SQLException {
    return (maxRows == 0 || rowNumber < maxRows) && hasNextRow();
  }

  @Override public int getRow() throws SQLException { checkOpen(); return afterLast ? 0 : (int) Math.min(rowNumber, Integer.MAX_VALUE); }

  /**
   * A hint for how many rows to fetch from the query at a time, from the next fetch on (0: the engine's batch size).
   * Embedded, the engine hands its batches over without copying and this caps the rows of each; remote, it is the
   * rows per transfer. Rows already fetched are not refetched.
   */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("The fetch size must be 0 or more, not " + rows, "HY024");
    }
    fetchSize = rows;
    fetchSizeChanged(rows);
  }

  @Override public int getFetchSize() throws SQLException { checkOpen(); return fetchSize; }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    Integer index = columnLabel == null ? null : columnsByLabel.get(columnLabel.toLowerCase(Locale.ROOT));
    if (index == null) {
      throw new SQLException("No column labelled '" + columnLabel + "'", "42S22");
    }
    return index;
  }

  /** The accessor of a column on the current row, or null (setting wasNull) if its value is NULL. */
  private ColumnAccessor value(int column) throws SQLException {
    checkOpen();
    if (accessors == null) {
      throw new SQLException(rowNumber == 0 ? "Call next() before reading a row" : "No current row: the end was reached",
          "24000");
    }
    if (column < 1 || column > accessors.length) {
      throw new SQLException("Column index " + column + " is out of range 1.." + accessors.length, "07009");
    }
    ColumnAccessor accessor = accessors[column - 1];
    wasNull = accessor.isNull(row);
    return wasNull ? null : accessor;
  }

  @Override
  public String getString(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getString(row);
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value != null && value.getBoolean(row);
  }

  @Override
  public byte getByte(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getByte(row);
  }

  @Override
  public short getShort(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getShort(row);
  }

  @Override
  public int getInt(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getInt(row);
  }

  @Override
  public long getLong(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getLong(row);
  }

  @Override
  public float getFloat(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getFloat(row);
  }

  @Override
  public double getDouble(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? 0 : value.getDouble(row);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getBigDecimal(row);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(column);
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getBytes(row);
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getDate(row, calendar);
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getTime(row, calendar);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getTimestamp(row, calendar);
  }

  @Override
  public Object getObject(int column) throws SQLException {
    ColumnAccessor value = value(column);
    return value == null ? null : value.getObject(row);
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("The type to convert to is null", "HY009");
    }
    ColumnAccessor value = value(column);
    return value == null ? null : value.getObject(row, type);
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    // Tarn has no user-defined types, so a type map never applies.
    return getObject(column);
  }

  @Override public Date getDate(int column) throws SQLException { return getDate(column, null); }
  @Override public Time getTime(int column) throws SQLException { return getTime(column, null); }
  @Override public Timestamp getTimestamp(int column) throws SQLException { return getTimestamp(column, null); }
  @Override public String getNString(int column) throws SQLException { return getString(column); }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] bytes = getBytes(column);
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE));
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String text = getString(column);
    return text == null ? null : new StringReader(text);
  }

  @Override public Reader getNCharacterStream(int column) throws SQLException { return getCharacterStream(column); }

  // Getters by label: the first column with a matching label, case-insensitively.
  @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
  @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
  @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
  @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
  @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
  @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
  @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
  @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
  @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
  @Override @Deprecated public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return getBigDecimal(findColumn(label), scale); }
  @Override public byte[] getBytes(String label) throws SQLException { return getBytes(findColumn(label)); }
  @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
  @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
  @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
  @Override public Date getDate(String label, Calendar calendar) throws SQLException { return getDate(findColumn(label), calendar); }
  @Override public Time getTime(String label, Calendar calendar) throws SQLException { return getTime(findColumn(label), calendar); }
  @Override public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException { return getTimestamp(findColumn(label), calendar); }
  @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
  @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(findColumn(label), type); }
  @Override public Object getObject(String label, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(label), map); }
  @Override public String getNString(String label) throws SQLException { return getNString(findColumn(label)); }
  @Override public InputStream getBinaryStream(String label) throws SQLException { return getBinaryStream(findColumn(label)); }
  @Override public InputStream getAsciiStream(String label) throws SQLException { return getAsciiStream(findColumn(label)); }
  @Override @Deprecated public InputStream getUnicodeStream(String label) throws SQLException { return getUnicodeStream(findColumn(label)); }
  @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
  @Override public Reader getNCharacterStream(String label) throws SQLException { return getNCharacterStream(findColumn(label)); }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
