package dev.tarn.engine.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/**
 * Walks the pages of one column chunk already read into memory: parses each page header, checks its sizes and
 * CRC, decompresses it, and locates its definition levels and values. Flat columns only (no repetition levels).
 */
final class PageReader {

  /** Pages larger than this are treated as a corrupt header rather than allocated. */
  private static final int MAX_PAGE_BYTES = 1 << 30;

  /** A decompressed dictionary page: {@code valueCount} PLAIN values at {@code data[offset, end)}. */
  record DictionaryPage(byte[] data, int offset, int end, int valueCount) {}

  /**
   * A decompressed data page of {@code valueCount} rows (nulls included): definition levels at
   * {@code data[levelsOffset, levelsEnd)} in {@code levelEncoding} (RLE or BIT_PACKED), values at
   * {@code data[levelsEnd, end)} in {@code valueEncoding}. Levels are empty for required columns.
   */
  record DataPage(int valueCount, Encoding valueEncoding, Encoding levelEncoding, byte[] data, int levelsOffset,
      int levelsEnd, int end) {}

  private final byte[] chunk;
  private final int chunkEnd;
  private final long chunkValueCount;
  private final Decompressor decompressor;
  private final int definitionLevelBitWidth;
  private int position;
  private long valuesRead;
  private DictionaryPage pendingDictionary;

  /** Reads the pages in {@code chunk[0, chunkEnd)}, which hold {@code chunkValueCount} values in total. */
  PageReader(byte[] chunk, int chunkEnd, long chunkValueCount, Decompressor decompressor, int maxDefinitionLevel) {
    this.chunk = chunk;
    this.chunkEnd = chunkEnd;
    this.chunkValueCount = chunkValueCount;
    this.decompressor = decompressor;
    this.definitionLevelBitWidth = 32 - Integer.numberOfLeadingZeros(maxDefinitionLevel);
  }

  /** The dictionary page met while looking for the last data page, once; null if none. */
  DictionaryPage takeDictionary() {
    DictionaryPage dictionary = pendingDictionary;
    pendingDictionary = null;
    return dictionary;
  }

  /** The chunk's first page if it is a dictionary page (for dictionary pruning, without reading data pages), else null. */
  DictionaryPage firstDictionaryPage() {
    if (position != 0 || chunkEnd == 0) {
      return null;
    }
    PageHeader header = readHeader();
    int bodyStart = position;
    int compressedLength = header.getCompressed_page_size();
    if (header.getType() != org.apache.parquet.format.PageType.DICTIONARY_PAGE || compressedLength < 0
        || compressedLength > chunkEnd - bodyStart || header.getUncompressed_page_size() < 0
        || header.getUncompressed_page_size() > MAX_PAGE_BYTES) {
      return null;
    }
    return dictionaryPage(header, bodyStart, compressedLength);
  }

  /** The next data page, or null once the chunk's values are all read; a dictionary page on the way is kept. */
  DataPage nextDataPage() {
    while (valuesRead < chunkValueCount) {
      if (position >= chunkEnd) {
        throw new CorruptPageException("column chunk ends after " + valuesRead + " of its " + chunkValueCount
            + " values");
      }
      PageHeader header = readHeader();
      int bodyStart = position;
      int compressedLength = header.getCompressed_page_size();
      int uncompressedLength = header.getUncompressed_page_size();
      if (compressedLength < 0 || compressedLength > chunkEnd - bodyStart) {
        throw new CorruptPageException("page of " + compressedLength + " bytes runs past the column chunk");
      }
      if (uncompressedLength < 0 || uncompressedLength > MAX_PAGE_BYTES) {
        throw new CorruptPageException("page header states " + uncompressedLength + " decompressed bytes");
      }
      position = bodyStart + compressedLength;
      if (header.isSetCrc()) {
        CRC32 crc = new CRC32();
        crc.update(chunk, bodyStart, compressedLength);
        if ((int) crc.getValue() != header.getCrc()) {
          throw new CorruptPageException("page at byte " + bodyStart + " of the chunk fails its CRC check");
        }
      }
      switch (header.getType()) {
        case DICTIONARY_PAGE -> pendingDictionary = dictionaryPage(header, bodyStart, compressedLength);
        case DATA_PAGE -> {
          return dataPageV1(header, bodyStart, compressedLength);
        }
        case DATA_PAGE_V2 -> {
          return dataPageV2(header, bodyStart, compressedLength);
        }
        default -> { } // index pages and unknown page types carry no values
      }
    }
    return null;
  }

  /**
   * Passes over the next data page without checking or decompressing it when it holds at most {@code maxValues}
   * values, and returns its value count (late materialization: none of its rows is wanted). Returns -1, having
   * moved past nothing but dictionary (kept for {@link #takeDictionary}) and index pages, when that page is larger or the chunk has no more pages.
   */
  int skipDataPage(long maxValues) {
    while (valuesRead < chunkValueCount && position < chunkEnd) {
      int headerStart = position;
      PageHeader header = readHeader();
      int bodyStart = position;
      int compressedLength = header.getCompressed_page_size();
      if (compressedLength < 0 || compressedLength > chunkEnd - bodyStart) {
        throw new CorruptPageException("page of " + compressedLength + " bytes runs past the column chunk");
      }
      int valueCount;
      switch (header.getType()) {
        case DATA_PAGE -> valueCount = require(header.getData_page_header(), "data").getNum_values();
        case DATA_PAGE_V2 -> valueCount = require(header.getData_page_header_v2(), "data v2").getNum_values();
        case DICTIONARY_PAGE -> {
          // Later pages may need it: keep it for takeDictionary, as nextDataPage does.
          position = bodyStart + compressedLength;
          pendingDictionary = dictionaryPage(header, bodyStart, compressedLength);
          continue;
        }
        default -> {
          position = bodyStart + compressedLength;
          continue;
        }
      }
      if (valueCount > maxValues) {
        position = headerStart;
        return -1;
      }
      countValues(valueCount);
      position = bodyStart + compressedLength;
      return valueCount;
    }
    return -1;
  }

  private PageHeader readHeader() {
    ByteArrayInputStream input = new ByteArrayInputStream(chunk, position, chunkEnd - position);
    try {
      PageHeader header = Util.readPageHeader(input);
      position = chunkEnd - input.available();
      return header;
    } catch (IOException | RuntimeException e) {
      throw new CorruptPageException("unreadable page header at byte " + position + " of the column chunk ("
          + e.getMessage() + ")");
    }
  }

  private DictionaryPage dictionaryPage(PageHeader header, int bodyStart, int compressedLength) {
    DictionaryPageHeader dictionary = require(header.getDictionary_page_header(), "dictionary");
    byte[] data = decompress(bodyStart, compressedLength, new byte[header.getUncompressed_page_size()], 0);
    return new DictionaryPage(data, 0, data.length, dictionary.getNum_values());
  }

  private DataPage dataPageV1(PageHeader header, int bodyStart, int compressedLength) {
    DataPageHeader page = require(header.getData_page_header(), "data");
    int valueCount = countValues(page.getNum_values());
    byte[] data = decompress(bodyStart, compressedLength, new byte[header.getUncompressed_page_size()], 0);
    if (definitionLevelBitWidth == 0) {
      return new DataPage(valueCount, page.getEncoding(), Encoding.RLE, data, 0, 0, data.length);
    }
    Encoding levelEncoding = page.getDefinition_level_encoding();
    if (levelEncoding == Encoding.BIT_PACKED) {
      int levelsEnd = BitPackedLevelDecoder.byteLength(valueCount, definitionLevelBitWidth);
      checkWithin(levelsEnd, data.length);
      return new DataPage(valueCount, page.getEncoding(), levelEncoding, data, 0, levelsEnd, data.length);
    }
    if (levelEncoding != Encoding.RLE) {
      throw new CorruptPageException("definition levels in " + levelEncoding + " encoding");
    }
    checkWithin(4, data.length);
    int levelsLength = (int) FixedWidthConverters.INT.get(data, 0);
    checkWithin(levelsLength, data.length - 4);
    return new DataPage(valueCount, page.getEncoding(), levelEncoding, data, 4, 4 + levelsLength, data.length);
  }

  private DataPage dataPageV2(PageHeader header, int bodyStart, int compressedLength) {
    DataPageHeaderV2 page = require(header.getData_page_header_v2(), "data v2");
    int valueCount = countValues(page.getNum_values());
    int repetitionLength = page.getRepetition_levels_byte_length();
    int definitionLength = page.getDefinition_levels_byte_length();
    int levelsLength = repetitionLength + definitionLength;
    if (repetitionLength < 0 || definitionLength < 0 || levelsLength > compressedLength
        || levelsLength > header.getUncompressed_page_size()) {
      throw new CorruptPageException("v2 page levels of " + levelsLength + " bytes do not fit in the page");
    }
    // Levels are never compressed in v2 pages; only the values section is, and only if is_compressed.
    byte[] data = new byte[header.getUncompressed_page_size()];
    System.arraycopy(chunk, bodyStart, data, 0, levelsLength);
    if (!page.isSetIs_compressed() || page.isIs_compressed()) {
      decompress(bodyStart + levelsLength, compressedLength - levelsLength, data, levelsLength);
    } else {
      checkWithin(compressedLength, data.length);
      System.arraycopy(chunk, bodyStart + levelsLength, data, levelsLength, compressedLength - levelsLength);
    }
    return new DataPage(valueCount, page.getEncoding(), Encoding.RLE, data, repetitionLength, levelsLength,
        data.length);
  }

  private int countValues(int valueCount) {
    if (valueCount < 0 || valueCount > chunkValueCount - valuesRead) {
      throw new CorruptPageException("page of " + valueCount + " values overruns the column chunk's "
          + chunkValueCount);
    }
    valuesRead += valueCount;
    return valueCount;
  }

  private byte[] decompress(int offset, int length, byte[] output, int outputOffset) {
    try {
      decompressor.decompress(chunk, offset, length, output, outputOffset);
      return output;
    } catch (IOException | RuntimeException e) {
      throw new CorruptPageException("page at byte " + offset + " of the column chunk does not decompress ("
          + e.getMessage() + ")");
    }
  }

  private static void checkWithin(long length, long available) {
    if (length < 0 || length > available) {
      throw new CorruptPageException("page section of " + length + " bytes runs past the page's " + available);
    }
  }

  private static <T> T require(T subHeader, String kind) {
    if (subHeader == null) {
      throw new CorruptPageException("page header lacks its " + kind + " page header");
    }
    return subHeader;
  }
}
