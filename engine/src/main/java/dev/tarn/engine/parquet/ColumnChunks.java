package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ScanStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Opens the column chunks of a file's row groups for decoding: a whole chunk in one positioned read, or, when the
 * page indexes narrowed the rows, only the pages holding wanted rows (plus the dictionary page), one read per run of
 * adjacent pages. Every byte read counts in the scan's {@code bytesScanned} through the counting file.
 */
final class ColumnChunks {
  private final FileSystem.InputFile file;
  private final String location;
  /** Null when the scan has no domains (then only whole chunks are opened). */
  private final PageIndexSelector pageIndex;
  private final BufferAllocator allocator;
  private final ScanStats stats;

  ColumnChunks(FileSystem.InputFile file, PageIndexSelector pageIndex, BufferAllocator allocator, ScanStats stats) {
    this.file = file;
    this.location = file.location();
    this.pageIndex = pageIndex;
    this.allocator = allocator;
    this.stats = stats;
  }

  /**
   * Reads only the pages of the column that hold rows in {@code wanted} (by its offset index) plus its dictionary
   * page; the whole chunk when it has no offset index, whose reader then passes over unwanted rows.
   */
  ColumnChunkReader openPages(BlockMetaData block, ColumnDescriptor descriptor, ColumnConversion conversion,
      List<long[]> wanted) {
    ColumnChunkMetaData chunk = RowGroupPruner.chunk(block, descriptor);
    org.apache.parquet.format.OffsetIndex index = chunk == null ? null
        : pageIndex.offsetIndex(chunk, block.getRowCount());
    if (index == null) {
      return openChunk(block, descriptor, conversion);
    }
    List<org.apache.parquet.format.PageLocation> pages = index.getPage_locations();
    long chunkStart = chunk.getStartingPos();
    long dictionaryLength = pages.get(0).getOffset() - chunkStart;
    if (dictionaryLength < 0 || dictionaryLength > Integer.MAX_VALUE / 2) {
      throw new TarnException(ErrorCode.CORRUPT_FILE, location, "offset index of column "
          + chunk.getPath().toDotString() + " points before its chunk in file " + location);
    }
    List<Integer> selected = new ArrayList<>();
    long values = 0;
    long bytes = dictionaryLength;
    int range = 0;
    for (int page = 0; page < pages.size(); page++) {
      long first = pages.get(page).getFirst_row_index();
      long end = PageIndexSelector.pageEnd(index, page, block.getRowCount());
      while (range < wanted.size() && wanted.get(range)[1] <= first) {
        range++;
      }
      if (range < wanted.size() && wanted.get(range)[0] < end) {
        selected.add(page);
        values += end - first;
        bytes += pages.get(page).getCompressed_page_size();
      }
    }
    stats.pagesSkipped.addAndGet(pages.size() - selected.size());
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new TarnException(ErrorCode.CORRUPT_FILE, location, "column chunk " + chunk.getPath().toDotString()
          + " states " + bytes + " bytes of pages in file " + location);
    }
    byte[] buffer = new byte[(int) bytes];
    long[] firstRows = new long[selected.size()];
    try {
      // One read per run of adjacent wanted pages (the dictionary page joins the first run when it touches it).
      long runStart = chunkStart;
      int runAt = 0;
      int at = (int) dictionaryLength;
      for (int i = 0; i < selected.size(); i++) {
        org.apache.parquet.format.PageLocation page = pages.get(selected.get(i));
        firstRows[i] = page.getFirst_row_index();
        if (page.getOffset() != runStart + (at - runAt)) {
          read(runStart, buffer, runAt, at - runAt);
          runStart = page.getOffset();
          runAt = at;
        }
        at += page.getCompressed_page_size();
      }
      read(runStart, buffer, runAt, at - runAt);
    } catch (IOException e) {
      throw ParquetFileScan.ioFailure(location, e);
    }
    PageReader reader = new PageReader(buffer, buffer.length, values,
        Decompressors.forCodec(chunk.getCodec(), location), descriptor.getMaxDefinitionLevel());
    return new ColumnChunkReader(location, descriptor, conversion, reader, allocator, firstRows, stats.pagesScanned,
        stats.pagesSkipped);
  }

  private void read(long position, byte[] buffer, int offset, int length) throws IOException {
    if (position < 4 || position + length > file.length()) {
      throw new TarnException(ErrorCode.CORRUPT_FILE, location, "page at byte " + position + " (" + length
          + " bytes) does not fit in file " + location);
    }
    if (length > 0) {
      file.readFully(position, buffer, offset, length);
    }
  }

  ColumnChunkReader openChunk(BlockMetaData block, ColumnDescriptor descriptor, ColumnConversion conversion) {
    ColumnChunkMetaData chunk = null;
    for (ColumnChunkMetaData candidate : block.getColumns()) {
      if (Arrays.equals(candidate.getPath().toArray(), descriptor.getPath())) {
        chunk = candidate;
      }
    }
    String column = String.join(".", descriptor.getPath());
    if (chunk == null) {
      throw new TarnException(ErrorCode.CORRUPT_FILE, location, "row group of " + location
          + " has no chunk for column " + column);
    }
    Decompressor decompressor = Decompressors.forCodec(chunk.getCodec(), location);
    long start = chunk.getStartingPos();
    long size = chunk.getTotalSize();
    try {
      if (start < 4 || size < 0 || size > Integer.MAX_VALUE - 8 || start + size > file.length()) {
        throw new TarnException(ErrorCode.CORRUPT_FILE, location, "column chunk " + column + " at byte " + start
            + " (" + size + " bytes) does not fit in file " + location);
      }
      byte[] bytes = new byte[(int) size];
      file.readFully(start, bytes, 0, bytes.length);
      PageReader pages = new PageReader(bytes, bytes.length, chunk.getValueCount(), decompressor,
          descriptor.getMaxDefinitionLevel());
      return new ColumnChunkReader(location, descriptor, conversion, pages, allocator, null, stats.pagesScanned,
          stats.pagesSkipped);
    } catch (IOException e) {
      throw ParquetFileScan.ioFailure(location, e);
    }
  }

}
