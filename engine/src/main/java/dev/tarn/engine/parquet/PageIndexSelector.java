package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.StatisticsFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.hadoop.metadata.IndexReference;
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Stage 3: within one row group, the row ranges whose pages may hold rows in the domains, from each predicate
 * column's column index (per-page min/max/null_pages) and offset index (page first rows), intersected across
 * columns. Conservative: a column without indexes, or with bounds Tarn cannot compare, admits every row.
 */
final class PageIndexSelector {

  private final FileSystem.InputFile file;
  private final String location;
  private final ColumnDescriptor[] descriptors;
  private final Map<Integer, ColumnDomain> domains;

  /** {@code domains} are keyed by requested column index; {@code descriptors[i]} is null for a column the file lacks. */
  PageIndexSelector(FileSystem.InputFile file, ColumnDescriptor[] descriptors, Map<Integer, ColumnDomain> domains) {
    this.file = file;
    this.location = file.location();
    this.descriptors = descriptors;
    this.domains = domains;
  }

  /** Sorted, disjoint, non-empty {@code [start, end)} row ranges of {@code block} that may match; may be empty. */
  List<long[]> rowRanges(BlockMetaData block) {
    List<long[]> ranges = List.of(new long[] {0, block.getRowCount()});
    for (Map.Entry<Integer, ColumnDomain> entry : domains.entrySet()) {
      ColumnDescriptor descriptor = descriptors[entry.getKey()];
      ColumnChunkMetaData chunk = descriptor == null ? null : RowGroupPruner.chunk(block, descriptor);
      if (chunk == null || !hasOrderedBounds(descriptor.getPrimitiveType())) {
        continue;
      }
      IndexReference columnIndexReference = chunk.getColumnIndexReference();
      OffsetIndex offsetIndex = offsetIndex(chunk, block.getRowCount());
      if (columnIndexReference == null || offsetIndex == null) {
        continue;
      }
      ColumnIndex columnIndex = readColumnIndex(chunk, columnIndexReference);
      ranges = intersect(ranges, matchingRanges(descriptor.getPrimitiveType(), columnIndex, offsetIndex,
          block.getRowCount(), entry.getValue()));
      if (ranges.isEmpty()) {
        break;
      }
    }
    return ranges;
  }

  /** The chunk's offset index, checked against the row group's row count; null when the chunk has none. */
  OffsetIndex offsetIndex(ColumnChunkMetaData chunk, long rowCount) {
    IndexReference reference = chunk.getOffsetIndexReference();
    if (reference == null) {
      return null;
    }
    OffsetIndex index;
    try {
      index = Util.readOffsetIndex(new ByteArrayInputStream(read(reference)));
    } catch (IOException | RuntimeException e) {
      throw corrupt("unreadable offset index", e);
    }
    List<PageLocation> pages = index.getPage_locations();
    long previous = -1;
    for (PageLocation page : pages) {
      long first = page.getFirst_row_index();
      if (first <= previous || first >= rowCount || (previous < 0 && first != 0) || page.getOffset() < 4
          || page.getCompressed_page_size() <= 0) {
        throw corrupt("offset index with page at row " + first + " of " + rowCount, null);
      }
      previous = first;
    }
    if (pages.isEmpty()) {
      throw corrupt("offset index without pages", null);
    }
    return index;
  }

  /** The first row after page {@code page} of {@code index}: the next page's first row, or the row count. */
  static long pageEnd(OffsetIndex index, int page, long rowCount) {
    List<PageLocation> pages = index.getPage_locations();
    return page + 1 < pages.size() ? pages.get(page + 1).getFirst_row_index() : rowCount;
  }

  private List<long[]> matchingRanges(PrimitiveType type, ColumnIndex columnIndex, OffsetIndex offsetIndex,
      long rowCount, ColumnDomain domain) {
    int pageCount = offsetIndex.getPage_locations().size();
    List<Boolean> nullPages = columnIndex.getNull_pages();
    List<ByteBuffer> mins = columnIndex.getMin_values();
    List<ByteBuffer> maxes = columnIndex.getMax_values();
    List<Long> nullCounts = columnIndex.isSetNull_counts() ? columnIndex.getNull_counts() : null;
    if (nullPages.size() != pageCount || mins.size() != pageCount || maxes.size() != pageCount
        || (nullCounts != null && nullCounts.size() != pageCount)) {
      throw corrupt("column index of " + nullPages.size() + " pages for an offset index of " + pageCount, null);
    }
    List<long[]> ranges = new ArrayList<>();
    for (int page = 0; page < pageCount; page++) {
      if (pageMayMatch(type, nullPages.get(page), mins.get(page), maxes.get(page),
          nullCounts == null ? null : nullCounts.get(page), domain)) {
        add(ranges, offsetIndex.getPage_locations().get(page).getFirst_row_index(),
            pageEnd(offsetIndex, page, rowCount));
      }
    }
    return ranges;
  }

  /** The page-level twin of {@link StatisticsFilter#mayMatch}: same null handling, same truncated-bound rule. */
  private static boolean pageMayMatch(PrimitiveType type, boolean nullPage, ByteBuffer min, ByteBuffer max,
      Long nullCount, ColumnDomain domain) {
    if (nullPage) {
      return domain.nullAllowed();
    }
    if (domain.nullAllowed() && (nullCount == null || nullCount > 0)) {
      return true;
    }
    return StatisticsFilter.boundsMayMatch(type, bytes(min), bytes(max), domain);
  }

  /** Whether min/max in the column index follow the type's own order (parquet-java trusts nothing else either). */
  private static boolean hasOrderedBounds(PrimitiveType type) {
    ColumnOrder order = type.columnOrder();
    return order != null && order.getColumnOrderName() == ColumnOrder.ColumnOrderName.TYPE_DEFINED_ORDER
        && type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.INT96;
  }

  private static void add(List<long[]> ranges, long start, long end) {
    if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == start) {
      ranges.get(ranges.size() - 1)[1] = end;
    } else {
      ranges.add(new long[] {start, end});
    }
  }

  /** The rows in both sorted, disjoint range lists. */
  static List<long[]> intersect(List<long[]> a, List<long[]> b) {
    List<long[]> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      long start = Math.max(a.get(i)[0], b.get(j)[0]);
      long end = Math.min(a.get(i)[1], b.get(j)[1]);
      if (start < end) {
        add(result, start, end);
      }
      if (a.get(i)[1] < b.get(j)[1]) {
        i++;
      } else {
        j++;
      }
    }
    return result;
  }

  private ColumnIndex readColumnIndex(ColumnChunkMetaData chunk, IndexReference reference) {
    try {
      return Util.readColumnIndex(new ByteArrayInputStream(read(reference)));
    } catch (IOException | RuntimeException e) {
      throw corrupt("unreadable column index of column " + chunk.getPath().toDotString(), e);
    }
  }

  private byte[] read(IndexReference reference) {
    try {
      if (reference.getOffset() < 4 || reference.getLength() <= 0
          || reference.getOffset() + reference.getLength() > file.length()) {
        throw corrupt("page index at byte " + reference.getOffset() + " does not fit in the file", null);
      }
      byte[] bytes = new byte[reference.getLength()];
      file.readFully(reference.getOffset(), bytes, 0, bytes.length);
      return bytes;
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location, "cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private TarnException corrupt(String message, Exception cause) {
    return new TarnException(ErrorCode.CORRUPT_FILE, location, message + " in file " + location, cause);
  }
}
