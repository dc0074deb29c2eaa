package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.parquet.predicate.BloomFilterProbe;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.StatisticsFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.bloomfilter.BlockSplitBloomFilter;
import org.apache.parquet.format.BloomFilterHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Chooses the row groups of one file that may hold matching rows, cheapest test first: column statistics
 * (stage 2, footer only), then dictionaries (stage 4) and bloom filters (stage 5), which cost a read each. Every
 * skipped row group is counted under the stage that skipped it.
 */
final class RowGroupPruner {

  /** Bloom filter headers are a few dozen bytes; this covers one when the footer does not give the length. */
  private static final int BLOOM_HEADER_GUESS = 64;

  private final FileSystem.InputFile file;
  private final String location;
  private final ColumnDescriptor[] descriptors;
  private final Map<Integer, ColumnDomain> domains;
  private final ScanStats stats;

  /** {@code domains} are keyed by requested column index; {@code descriptors[i]} is null for a column the file lacks. */
  RowGroupPruner(FileSystem.InputFile file, ColumnDescriptor[] descriptors, Map<Integer, ColumnDomain> domains,
      ScanStats stats) {
    this.file = file;
    this.location = file.location();
    this.descriptors = descriptors;
    this.domains = domains;
    this.stats = stats;
  }

  /** The indexes of the row groups that may match, in file order. */
  int[] select(List<BlockMetaData> blocks) {
    List<Integer> kept = new ArrayList<>();
    for (int index = 0; index < blocks.size(); index++) {
      BlockMetaData block = blocks.get(index);
      if (!byStatistics(block)) {
        stats.rowGroupsPrunedByStatistics.incrementAndGet();
      } else if (!byDictionary(block)) {
        stats.rowGroupsPrunedByDictionary.incrementAndGet();
      } else if (!byBloomFilter(block)) {
        stats.rowGroupsPrunedByBloomFilter.incrementAndGet();
      } else {
        kept.add(index);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean byStatistics(BlockMetaData block) {
    for (Map.Entry<Integer, ColumnDomain> entry : domains.entrySet()) {
      ColumnDescriptor descriptor = descriptors[entry.getKey()];
      if (descriptor == null) {
        if (!entry.getValue().nullAllowed()) {
          return false; // the column reads as all NULL in this file
        }
        continue;
      }
      ColumnChunkMetaData chunk = chunk(block, descriptor);
      if (chunk != null && !StatisticsFilter.mayMatch(chunk, descriptor.getPrimitiveType(), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean byDictionary(BlockMetaData block) {
    for (Map.Entry<Integer, ColumnDomain> entry : domains.entrySet()) {
      ColumnDescriptor descriptor = descriptors[entry.getKey()];
      ColumnChunkMetaData chunk = descriptor == null ? null : chunk(block, descriptor);
      if (chunk == null || !DictionaryFilter.applies(chunk, entry.getValue())
          || StatisticsFilter.admitsEveryValue(chunk, descriptor.getPrimitiveType(), entry.getValue())) {
        continue; // the dictionary cannot rule this chunk out: not worth its read
      }
      long start = chunk.getDictionaryPageOffset();
      long length = chunk.getFirstDataPageOffset() - start;
      if (start < 4 || length <= 0 || length > Integer.MAX_VALUE / 2) {
        continue;
      }
      byte[] bytes = read(start, (int) length);
      PageReader pages = new PageReader(bytes, bytes.length, chunk.getValueCount(),
          Decompressors.forCodec(chunk.getCodec(), location), descriptor.getMaxDefinitionLevel());
      PageReader.DictionaryPage dictionary;
      try {
        dictionary = pages.firstDictionaryPage();
      } catch (CorruptPageException e) {
        throw new TarnException(ErrorCode.CORRUPT_FILE, location, "corrupt dictionary page of column "
            + String.join(".", descriptor.getPath()) + " in file " + location + ": " + e.getMessage(), e);
      }
      if (dictionary != null && !DictionaryFilter.mayMatch(dictionary, descriptor.getPrimitiveType(),
          entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean byBloomFilter(BlockMetaData block) {
    for (Map.Entry<Integer, ColumnDomain> entry : domains.entrySet()) {
      ColumnDescriptor descriptor = descriptors[entry.getKey()];
      ColumnChunkMetaData chunk = descriptor == null ? null : chunk(block, descriptor);
      List<Comparable<Object>> points = entry.getValue().points();
      if (chunk == null || points == null || chunk.getBloomFilterOffset() < 4 || entry.getValue().nullAllowed()) {
        continue;
      }
      BlockSplitBloomFilter filter = readBloomFilter(chunk);
      if (filter != null && !BloomFilterProbe.mayContainAny(filter, descriptor.getPrimitiveType(), points)) {
        return false;
      }
    }
    return true;
  }

  /** The chunk's split-block bloom filter (XXHASH, uncompressed), or null when it is of a kind Tarn cannot probe. */
  private BlockSplitBloomFilter readBloomFilter(ColumnChunkMetaData chunk) {
    long offset = chunk.getBloomFilterOffset();
    try {
      long available = file.length() - offset;
      int headerRead = (int) Math.min(available, chunk.getBloomFilterLength() > 0
          ? chunk.getBloomFilterLength() : BLOOM_HEADER_GUESS);
      byte[] head = read(offset, headerRead);
      ByteArrayInputStream input = new ByteArrayInputStream(head);
      BloomFilterHeader header = Util.readBloomFilterHeader(input);
      int headerLength = head.length - input.available();
      int size = header.getNumBytes();
      if (!header.getAlgorithm().isSetBLOCK() || !header.getHash().isSetXXHASH()
          || !header.getCompression().isSetUNCOMPRESSED() || size <= 0 || size > available - headerLength) {
        return null;
      }
      byte[] bitset = headerLength + size <= head.length
          ? Arrays.copyOfRange(head, headerLength, headerLength + size)
          : read(offset + headerLength, size);
      return new BlockSplitBloomFilter(bitset);
    } catch (IOException | RuntimeException e) {
      throw new TarnException(ErrorCode.CORRUPT_FILE, location, "unreadable bloom filter in file " + location + ": "
          + e.getMessage(), e);
    }
  }

  private byte[] read(long position, int length) {
    byte[] bytes = new byte[length];
    try {
      file.readFully(position, bytes, 0, length);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location, "cannot read " + location + ": " + e.getMessage(), e);
    }
    return bytes;
  }

  static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor descriptor) {
    for (ColumnChunkMetaData candidate : block.getColumns()) {
      if (Arrays.equals(candidate.getPath().toArray(), descriptor.getPath())) {
        return candidate;
      }
    }
    return null;
  }
}
