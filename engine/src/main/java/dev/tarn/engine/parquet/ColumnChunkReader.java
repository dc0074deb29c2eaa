package dev.tarn.engine.parquet;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.format.Encoding;

/**
 * Reads one flat column of one row group into Arrow vectors, batch by batch: pulls pages from a
 * {@link PageReader}, turns definition levels into runs of non-null rows, and hands each run to the page's
 * {@link ValuesDecoder} (one per encoding). Owns the chunk's dictionary, which {@link #close()} releases. Tracks
 * the row-group row it is at, so the scan can skip to the next wanted row (page index pruning): whole pages are
 * dropped undecoded, rows inside a page are passed over by their levels and values.
 */
final class ColumnChunkReader implements AutoCloseable {

  private final String location;
  private final ColumnDescriptor descriptor;
  private final ColumnConversion conversion;
  private final PageReader pages;
  private final BufferAllocator allocator;
  private final int maxDefinitionLevel;
  private int[] levels = new int[0];

  private Dictionary dictionary;
  private LevelDecoder definitionLevels;
  private ValuesDecoder values;
  private int pageRowsLeft;
  /** The row-group row index of the next row this reader produces. */
  private long nextRow;
  /** First row of each page the PageReader yields, when only some pages were read (offset index); else null. */
  private final long[] pageFirstRows;
  private int pageIndex;
  private final AtomicLong pagesScanned;
  private final AtomicLong pagesSkipped;

  ColumnChunkReader(String location, ColumnDescriptor descriptor, ColumnConversion conversion, PageReader pages,
      BufferAllocator allocator) {
    this(location, descriptor, conversion, pages, allocator, null, new AtomicLong(), new AtomicLong());
  }

  /**
   * {@code pageFirstRows}: the first row of each data page in {@code pages}, or null when they are all of the
   * chunk's pages. Counts the data pages it decodes in {@code pagesScanned}, those it passes over undecoded in
   * {@code pagesSkipped}.
   */
  ColumnChunkReader(String location, ColumnDescriptor descriptor, ColumnConversion conversion, PageReader pages,
      BufferAllocator allocator, long[] pageFirstRows, AtomicLong pagesScanned, AtomicLong pagesSkipped) {
    this.pageFirstRows = pageFirstRows;
    this.pagesScanned = pagesScanned;
    this.pagesSkipped = pagesSkipped;
    this.location = location;
    this.descriptor = descriptor;
    this.conversion = conversion;
    this.pages = pages;
    this.allocator = allocator;
    this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
  }

  /** Decodes the column's next {@code count} rows into rows {@code [0, count)} of a freshly allocated vector. */
  void read(FieldVector vector, int count) {
    read(vector, 0, count);
  }

  /**
   * Decodes the column's next {@code count} rows into rows {@code [at, at + count)} of {@code vector}, whose rows
   * before {@code at} are already written (variable-width vectors are filled in order).
   */
  void read(FieldVector vector, int at, int count) {
    try {
      int row = at;
      int end = at + count;
      while (row < end) {
        if (pageRowsLeft == 0) {
          long expected = nextRow;
          nextPage();
          if (nextRow != expected) {
            throw new CorruptPageException("offset index has no page holding row " + expected);
          }
        }
        int length = Math.min(pageRowsLeft, end - row);
        readRows(vector, row, length);
        pageRowsLeft -= length;
        nextRow += length;
        row += length;
      }
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Moves forward to row-group row {@code target} (not before the current row) without decoding the rows passed. */
  void skipTo(long target) {
    try {
      while (nextRow < target) {
        if (pageRowsLeft == 0) {
          if (!skipWholePage(target)) {
            nextPage();
          }
          continue;
        }
        long passed = Math.min(pageRowsLeft, target - nextRow);
        if (passed < pageRowsLeft) {
          skipRows((int) passed);
        }
        pageRowsLeft -= (int) passed;
        nextRow += passed;
      }
      if (nextRow > target) {
        throw new CorruptPageException("offset index has no page holding row " + target);
      }
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Passes over the next page undecoded when every row of it is before {@code target}; whether it did. */
  private boolean skipWholePage(long target) {
    long pageStart;
    if (pageFirstRows == null) {
      pageStart = nextRow;
    } else if (pageIndex < pageFirstRows.length) {
      pageStart = pageFirstRows[pageIndex];
    } else {
      return false;
    }
    if (pageStart >= target) {
      return false;
    }
    int skipped = pages.skipDataPage(target - pageStart);
    if (skipped < 0) {
      return false;
    }
    if (pageFirstRows != null) {
      pageIndex++;
    }
    nextRow = pageStart + skipped;
    pagesSkipped.incrementAndGet();
    return true;
  }

  private RuntimeException translate(RuntimeException e) {
    if (e instanceof CorruptPageException || e instanceof IndexOutOfBoundsException
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof ArithmeticException || e instanceof org.apache.parquet.io.ParquetDecodingException
        || e instanceof java.io.UncheckedIOException) {
      // Index and state errors can only come from bytes that contradict themselves (our own decoders check
      // bounds first; parquet-column's readers for the rarer encodings do not), so they mean a corrupt file.
      return new TarnException(ErrorCode.CORRUPT_FILE, location, "corrupt column " + columnName() + " in file "
          + location + ": " + e.getMessage(), e);
    }
    if (e instanceof OutOfMemoryException) {
      return new TarnException(ErrorCode.OUT_OF_MEMORY, location, "out of memory reading column " + columnName()
          + " of file " + location, e);
    }
    return e;
  }

  private void skipRows(int count) {
    if (definitionLevels == null) {
      values.skip(count);
      return;
    }
    if (levels.length < count) {
      levels = new int[count];
    }
    definitionLevels.read(levels, count);
    int nonNull = 0;
    for (int i = 0; i < count; i++) {
      if (levels[i] == maxDefinitionLevel) {
        nonNull++;
      }
    }
    values.skip(nonNull);
  }

  private void readRows(FieldVector vector, int row, int count) {
    if (definitionLevels == null) {
      values.read(vector, row, count);
      ValidityBits.setRange(vector.getValidityBuffer(), row, count);
      return;
    }
    if (levels.length < count) {
      levels = new int[count];
    }
    definitionLevels.read(levels, count);
    int index = 0;
    while (index < count) {
      if (levels[index] != maxDefinitionLevel) {
        index++;
        continue;
      }
      int start = index;
      while (index < count && levels[index] == maxDefinitionLevel) {
        index++;
      }
      values.read(vector, row + start, index - start);
      ValidityBits.setRange(vector.getValidityBuffer(), row + start, index - start);
    }
  }

  private void nextPage() {
    PageReader.DataPage page = pages.nextDataPage();
    PageReader.DictionaryPage dictionaryPage = pages.takeDictionary();
    if (dictionaryPage != null) {
      setDictionary(dictionaryPage);
    }
    if (page == null) {
      throw new CorruptPageException("column chunk holds fewer rows than its row group");
    }
    pageRowsLeft = page.valueCount();
    pagesScanned.incrementAndGet();
    if (pageFirstRows != null) {
      if (pageIndex >= pageFirstRows.length) {
        throw new CorruptPageException("more data pages than the offset index lists");
      }
      nextRow = pageFirstRows[pageIndex++];
    }
    byte[] data = page.data();
    if (maxDefinitionLevel == 0) {
      definitionLevels = null;
    } else if (page.levelEncoding() == Encoding.BIT_PACKED) {
      definitionLevels = new BitPackedLevelDecoder(data, page.levelsOffset(), page.levelsEnd(), bitWidth());
    } else {
      definitionLevels = new RleBitPackedHybridDecoder(data, page.levelsOffset(), page.levelsEnd(), bitWidth());
    }
    values = valuesDecoder(page.valueEncoding(), data, page.levelsEnd(), page.end(), page.valueCount());
  }

  private ValuesDecoder valuesDecoder(Encoding encoding, byte[] data, int offset, int end, int valueCount) {
    switch (encoding) {
      case PLAIN:
        if (conversion.isBoolean()) {
          return new PlainBooleanDecoder(data, offset, end);
        }
        return conversion.converter() != null
            ? new PlainFixedWidthDecoder(data, offset, end, conversion.converter())
            : new PlainByteArrayDecoder(data, offset, end, conversion.fixedLength(), conversion.byteArrayWriter());
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        if (dictionary == null) {
          throw new CorruptPageException("dictionary-encoded page without a dictionary page");
        }
        return new DictionaryDecoder(data, offset, end, dictionary);
      case RLE:
        if (conversion.isBoolean()) {
          return new RleBooleanDecoder(data, offset, end);
        }
        break;
      case DELTA_BINARY_PACKED:
      case DELTA_LENGTH_BYTE_ARRAY:
      case DELTA_BYTE_ARRAY:
      case BYTE_STREAM_SPLIT:
        return new ValuesReaderDecoder(data, offset, end, valueCount,
            org.apache.parquet.column.Encoding.valueOf(encoding.name()), descriptor, conversion);
      default:
        break;
    }
    throw ParquetErrors.notSupported(location,
        encoding + " encoding of column " + columnName() + " in file " + location);
  }

  private void setDictionary(PageReader.DictionaryPage page) {
    if (dictionary != null) {
      dictionary.close();
      dictionary = null;
    }
    if (conversion.isBoolean()) {
      throw ParquetErrors.notSupported(location,
          "dictionary-encoded boolean column " + columnName() + " in file " + location);
    }
    dictionary = conversion.converter() != null
        ? FixedWidthDictionary.decode(page.data(), page.offset(), page.end(), page.valueCount(),
            conversion.converter(), allocator)
        : ByteArrayDictionary.decode(page.data(), page.offset(), page.end(), page.valueCount(),
            conversion.fixedLength(), conversion.byteArrayWriter());
  }

  private int bitWidth() {
    return 32 - Integer.numberOfLeadingZeros(maxDefinitionLevel);
  }

  private String columnName() {
    return String.join(".", descriptor.getPath());
  }

  /** Releases the dictionary, if any. */
  @Override
  public void close() {
    if (dictionary != null) {
      dictionary.close();
      dictionary = null;
    }
  }
}
