package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.parquet.InvalidParquetFileException;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.vector.Gather;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads selected columns of one Parquet file into Arrow vectors, row group by row group. Reads only the requested
 * columns' chunks, one positioned read each, and counts every byte read in {@code stats.bytesScanned}. Batches
 * never span row groups. See {@code package-info.java} for supported types, encodings and codecs.
 */
public final class ParquetFileScan implements AutoCloseable {

  private final FileSystem.InputFile file;
  private final String location;
  private final ParquetMetadata footer;
  private final List<Field> fields;
  /** Per requested column: the file column it reads, or null when the file lacks it (read as all nulls). */
  private final ColumnDescriptor[] descriptors;
  private final ColumnConversion[] conversions;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final ScanStats stats;

  /** Stage 3 (page indexes); null when the scan has no domains. */
  private final PageIndexSelector pageIndex;
  private final ColumnChunks chunks;
  private int[] rowGroups;
  private int nextRowGroup;
  /** The open row group's row ranges still to read (null when none is open), the current one and the next row. */
  private List<long[]> ranges;
  private int rangeIndex;
  private long nextRow;
  private ColumnChunkReader[] readers;
  private boolean closed;

  /** Late materialization (see {@link #setRowFilter}): the filter, which columns it reads, the kept rows. */
  private RowFilter rowFilter;
  private boolean[] filtered;
  private int[] kept = new int[0];
  private int[] selection = new int[0];
  /**
   * Rows the row filter has seen and kept in this file: once it has seen {@link #ADAPT_AFTER_ROWS} rows and kept at
   * least 9 in 10, it is dropped for the rest of the file (it is only a hint; the filter above the scan decides), so
   * a predicate nearly every row passes is not evaluated twice.
   */
  private long filterRowsSeen;
  private long filterRowsKept;
  private static final long ADAPT_AFTER_ROWS = 32_768;
  /** A batch keeping at least 3/4 of its rows is decoded whole. */
  private static final int DENSE_NUMERATOR = 3;
  private static final int DENSE_DENOMINATOR = 4;

  private ParquetFileScan(FileSystem.InputFile file, ParquetMetadata footer, List<Field> fields,
      BufferAllocator allocator, int batchSize, ScanStats stats, Map<Integer, ColumnDomain> domains,
      int firstRowGroup, int endRowGroup) {
    this.file = file;
    this.location = file.location();
    this.footer = footer;
    this.fields = List.copyOf(fields);
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.stats = stats;
    this.descriptors = new ColumnDescriptor[fields.size()];
    this.conversions = new ColumnConversion[fields.size()];
    MessageType schema = footer.getFileMetaData().getSchema();
    for (int i = 0; i < fields.size(); i++) {
      Type type = findColumn(schema, fields.get(i).getName());
      if (type == null) {
        continue;
      }
      if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
        throw ParquetErrors.notSupported(location, "nested column " + type.getName() + " in file " + location);
      }
      descriptors[i] = schema.getColumnDescription(new String[] {type.getName()});
      conversions[i] = ColumnConversion.resolve(location, type.asPrimitiveType(), fields.get(i).getType());
    }
    stats.rowGroupsTotal.addAndGet(endRowGroup - firstRowGroup);
    this.pageIndex = domains.isEmpty() ? null : new PageIndexSelector(file, descriptors, domains);
    this.chunks = new ColumnChunks(file, pageIndex, allocator, stats);
    if (domains.isEmpty()) {
      this.rowGroups = new int[endRowGroup - firstRowGroup];
      Arrays.setAll(rowGroups, i -> firstRowGroup + i);
    } else {
      this.rowGroups = new RowGroupPruner(file, descriptors, domains, stats)
          .select(footer.getBlocks().subList(firstRowGroup, endRowGroup));
      for (int i = 0; i < rowGroups.length; i++) {
        rowGroups[i] += firstRowGroup;
      }
    }
  }

  /** Opens the file and reads its footer; columns are matched to the file's top-level columns by name, case-insensitively. */
  public static ParquetFileScan open(FileSystem fileSystem, String location, List<Field> columns,
      BufferAllocator allocator, int batchSize, ScanStats stats) {
    return open(fileSystem, location, columns, allocator, batchSize, stats, Map.of());
  }

  /**
   * Opens the file, reading only row groups that may hold rows in {@code domains} (keyed by index into
   * {@code columns}; a row with a value outside its column's domain is never needed by the caller).
   */
  public static ParquetFileScan open(FileSystem fileSystem, String location, List<Field> columns,
      BufferAllocator allocator, int batchSize, ScanStats stats, Map<Integer, ColumnDomain> domains) {
    return open(fileSystem, location, null, columns, allocator, batchSize, stats, domains, 0, -1);
  }

  /**
   * Opens a piece of a file whose footer was already read ({@link #readFooter}): only row groups
   * {@code [firstRowGroup, endRowGroup)} are considered, pruned and counted, so the pieces of one file, read by
   * different scans, together count what one scan of the whole file counts.
   */
  public static ParquetFileScan openRowGroups(FileSystem fileSystem, String location, ParquetMetadata footer,
      List<Field> columns, BufferAllocator allocator, int batchSize, ScanStats stats,
      Map<Integer, ColumnDomain> domains, int firstRowGroup, int endRowGroup) {
    return open(fileSystem, location, footer, columns, allocator, batchSize, stats, domains, firstRowGroup,
        endRowGroup);
  }

  /** {@code footer} null: read it; {@code endRowGroup} -1: the file's last row group. */
  private static ParquetFileScan open(FileSystem fileSystem, String location, ParquetMetadata footer,
      List<Field> columns, BufferAllocator allocator, int batchSize, ScanStats stats,
      Map<Integer, ColumnDomain> domains, int firstRowGroup, int endRowGroup) {
    if (batchSize <= 0) {
      throw new TarnException(ErrorCode.INVALID_ARGUMENT, location, "batch size must be positive: " + batchSize);
    }
    FileSystem.InputFile file = openCounted(fileSystem, location, stats);
    try {
      ParquetMetadata metadata = footer != null ? footer : ParquetFooters.read(file);
      int rowGroupCount = metadata.getBlocks().size();
      int end = endRowGroup < 0 ? rowGroupCount : endRowGroup;
      if (firstRowGroup < 0 || end > rowGroupCount || firstRowGroup > end) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, location, "row groups [" + firstRowGroup + ", " + end
            + ") do not exist in " + location + ", which has " + rowGroupCount);
      }
      return new ParquetFileScan(file, metadata, columns, allocator, batchSize, stats, domains, firstRowGroup, end);
    } catch (IOException | RuntimeException e) {
      closeQuietly(file, e);
      throw e instanceof IOException io ? ioFailure(location, io) : (RuntimeException) e;
    }
  }

  /** Reads only the footer of {@code location}, counting its bytes in {@code stats.bytesScanned}. */
  public static ParquetMetadata readFooter(FileSystem fileSystem, String location, ScanStats stats) {
    FileSystem.InputFile file = openCounted(fileSystem, location, stats);
    try (file) {
      return ParquetFooters.read(file);
    } catch (IOException e) {
      throw ioFailure(location, e);
    }
  }

  private static FileSystem.InputFile openCounted(FileSystem fileSystem, String location, ScanStats stats) {
    try {
      return new CountingInputFile(fileSystem.open(location), stats.bytesScanned);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location, "cannot open " + location + ": " + e.getMessage(), e);
    }
  }

  /** The file's footer: schema, row groups and their statistics (for row-group pruning). */
  public ParquetMetadata footer() {
    return footer;
  }

  /** Whether any row group is left to read after pruning (a file with none was pruned whole). */
  public boolean hasRowGroups() {
    return rowGroups.length > nextRowGroup;
  }

  /** Restricts the scan to these row groups, read in the order given; call before the first {@link #next()}. */
  public void selectRowGroups(int[] rowGroupIndexes) {
    if (nextRowGroup > 0 || readers != null) {
      throw new TarnException(ErrorCode.INTERNAL_ERROR, location, "row groups must be selected before reading");
    }
    for (int index : rowGroupIndexes) {
      if (index < 0 || index >= footer.getBlocks().size()) {
        throw new TarnException(ErrorCode.INVALID_ARGUMENT, location, "row group " + index + " does not exist in "
            + location + ", which has " + footer.getBlocks().size());
      }
    }
    rowGroups = rowGroupIndexes.clone();
  }

  /**
   * Late materialization: from now on, each batch's filter columns are decoded first, stage by stage, each stage's
   * only for the rows the stages before it kept, and the other columns only for the rows all stages kept. A
   * one-stage filter keeping most rows leaves the batch whole (the filter above the scan drops the rest). Batches it
   * empties are never returned.
   */
  public void setRowFilter(RowFilter filter) {
    this.rowFilter = filter;
    this.filtered = new boolean[fields.size()];
    for (RowFilter.Stage stage : filter.stages()) {
      for (int column : stage.columns()) {
        filtered[column] = true;
      }
    }
  }

  /**
   * The next batch: one vector per requested column (in the order requested), all with the same value count, owned
   * by the caller; null at the end.
   */
  public List<FieldVector> next() {
    if (closed) {
      throw new TarnException(ErrorCode.INTERNAL_ERROR, location, "scan of " + location + " is closed");
    }
    while (true) {
      try {
        while (ranges == null || rangeIndex >= ranges.size()) {
          closeReaders();
          if (nextRowGroup >= rowGroups.length) {
            return null;
          }
          startRowGroup(rowGroups[nextRowGroup++]);
        }
      } catch (RuntimeException e) {
        closeReaders();
        throw e;
      }
      long[] range = ranges.get(rangeIndex);
      long first = nextRow;
      int rowCount = (int) Math.min(batchSize, range[1] - first);
      nextRow += rowCount;
      if (nextRow == range[1] && ++rangeIndex < ranges.size()) {
        nextRow = ranges.get(rangeIndex)[0];
      }
      stats.rowsScanned.addAndGet(rowCount);
      FieldVector[] vectors = new FieldVector[fields.size()];
      try {
        if (rowFilter != null && filterRowsSeen >= ADAPT_AFTER_ROWS && filterRowsKept * 10 >= filterRowsSeen * 9) {
          rowFilter = null;
        }
        if (rowFilter == null || readFiltered(vectors, first, rowCount)) {
          for (int i = 0; i < fields.size(); i++) {
            if (vectors[i] == null) {
              vectors[i] = readRows(i, first, rowCount);
            }
          }
          return Arrays.asList(vectors);
        }
      } catch (RuntimeException e) {
        closeQuietly(Arrays.stream(vectors).filter(java.util.Objects::nonNull).toList(), e);
        closeReaders();
        throw e;
      }
    }
  }

  /**
   * Applies the row filter's stages to rows {@code [first, first + rowCount)}, decoding into {@code vectors} each
   * stage's columns for the rows still kept. Returns false when no row is left (nothing left open); else fills the
   * other columns with just the kept rows and returns true, or, when a one-stage filter keeps most rows, leaves the
   * batch whole for the caller to decode.
   */
  private boolean readFiltered(FieldVector[] vectors, long first, int rowCount) {
    if (selection.length < rowCount) {
      selection = new int[rowCount];
      kept = new int[rowCount];
    }
    List<RowFilter.Stage> stages = rowFilter.stages();
    int count = rowCount; // vectors hold all rows until a stage drops one, then rows selection[0..count)
    filterRowsSeen += rowCount;
    for (RowFilter.Stage stage : stages) {
      int[] columns = stage.columns();
      List<FieldVector> stageVectors = new ArrayList<>(columns.length);
      for (int column : columns) {
        if (vectors[column] == null) {
          vectors[column] = count == rowCount ? readRows(column, first, rowCount)
              : readSelectedRows(column, first, selection, count);
        }
        stageVectors.add(vectors[column]);
      }
      int keep = stage.select(stageVectors, count, kept);
      if (keep == 0) {
        for (int i = 0; i < vectors.length; i++) {
          if (vectors[i] != null) {
            vectors[i].close();
            vectors[i] = null;
          }
        }
        stats.rowsFilteredInScan.addAndGet(rowCount);
        return false;
      }
      if (keep == count) {
        continue;
      }
      if (stages.size() == 1 && (long) keep * DENSE_DENOMINATOR >= (long) rowCount * DENSE_NUMERATOR) {
        filterRowsKept += keep;
        return true; // selective decoding would save little
      }
      for (int i = 0; i < vectors.length; i++) {
        if (vectors[i] != null) {
          try (FieldVector all = vectors[i]) {
            vectors[i] = null;
            vectors[i] = Gather.rows(all, kept, 0, keep, allocator);
          }
        }
      }
      for (int j = 0; j < keep; j++) {
        selection[j] = count == rowCount ? kept[j] : selection[kept[j]];
      }
      count = keep;
    }
    filterRowsKept += count;
    if (count == rowCount) {
      return true;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (!filtered[i]) {
        vectors[i] = readSelectedRows(i, first, selection, count);
      }
    }
    stats.rowsFilteredInScan.addAndGet(rowCount - count);
    return true;
  }

  /** Column {@code column}'s rows {@code [first, first + rowCount)}, decoded into a new vector. */
  private FieldVector readRows(int column, long first, int rowCount) {
    FieldVector vector = fields.get(column).createVector(allocator);
    try {
      allocate(vector, rowCount);
      if (readers[column] != null) {
        readers[column].skipTo(first);
        readers[column].read(vector, rowCount);
      }
      vector.setValueCount(rowCount);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  /** Column {@code column}'s rows {@code first + selected[0..count)}, decoded run by run into a new vector. */
  private FieldVector readSelectedRows(int column, long first, int[] selected, int count) {
    FieldVector vector = fields.get(column).createVector(allocator);
    try {
      allocate(vector, count);
      ColumnChunkReader reader = readers[column];
      if (reader != null) {
        int at = 0;
        while (at < count) {
          int runEnd = at + 1;
          while (runEnd < count && selected[runEnd] == selected[runEnd - 1] + 1) {
            runEnd++;
          }
          reader.skipTo(first + selected[at]);
          reader.read(vector, at, runEnd - at);
          at = runEnd;
        }
      }
      vector.setValueCount(count);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  private void startRowGroup(int index) {
    BlockMetaData block = footer.getBlocks().get(index);
    stats.rowGroupsScanned.incrementAndGet();
    List<long[]> wanted = pageIndex == null ? List.of(new long[] {0, block.getRowCount()})
        : pageIndex.rowRanges(block);
    boolean everyRow = wanted.size() == 1 && wanted.get(0)[0] == 0 && wanted.get(0)[1] == block.getRowCount();
    readers = new ColumnChunkReader[fields.size()];
    for (int i = 0; i < fields.size() && !wanted.isEmpty(); i++) {
      if (descriptors[i] != null) {
        readers[i] = everyRow ? chunks.openChunk(block, descriptors[i], conversions[i])
            : chunks.openPages(block, descriptors[i], conversions[i], wanted);
      }
    }
    ranges = block.getRowCount() == 0 ? List.of() : wanted;
    rangeIndex = 0;
    nextRow = ranges.isEmpty() ? 0 : ranges.get(0)[0];
  }

  private static void allocate(FieldVector vector, int rowCount) {
    if (vector instanceof BaseVariableWidthVector variableWidth) {
      variableWidth.allocateNew(rowCount * 16L, rowCount);
    } else {
      vector.setInitialCapacity(rowCount);
      vector.allocateNew();
    }
  }

  private static Type findColumn(MessageType schema, String name) {
    Type caseInsensitiveMatch = null;
    for (Type type : schema.getFields()) {
      if (type.getName().equals(name)) {
        return type;
      }
      if (caseInsensitiveMatch == null && type.getName().equalsIgnoreCase(name)) {
        caseInsensitiveMatch = type;
      }
    }
    return caseInsensitiveMatch;
  }

  static TarnException ioFailure(String location, IOException e) {
    if (e instanceof InvalidParquetFileException || e instanceof EOFException) {
      return new TarnException(ErrorCode.CORRUPT_FILE, location, e.getMessage(), e);
    }
    return new TarnException(ErrorCode.IO_ERROR, location, "cannot read " + location + ": " + e.getMessage(), e);
  }

  private void closeReaders() {
    if (readers != null) {
      for (ColumnChunkReader reader : readers) {
        if (reader != null) {
          reader.close();
        }
      }
      readers = null;
    }
    ranges = null;
  }

  private static void closeQuietly(Object closeable, Throwable failure) {
    try {
      if (closeable instanceof List<?> list) {
        AutoCloseables.close((Iterable<? extends AutoCloseable>) list);
      } else {
        ((AutoCloseable) closeable).close();
      }
    } catch (Exception suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** Releases the open row group's dictionaries and closes the file; vectors already returned stay the caller's. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeReaders();
    try {
      file.close();
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location, "cannot close " + location + ": " + e.getMessage(), e);
    }
  }
}
