package dev.tarn.engine.parquet;

import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.DomainValues;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Stage 4: a column chunk whose data pages are all dictionary-encoded holds only its dictionary's values, so when
 * the domain admits none of them (and no NULL that the chunk may hold), the row group cannot match.
 */
final class DictionaryFilter {

  private DictionaryFilter() {}

  /** Whether this chunk's dictionary can decide the domain: every data page dictionary-encoded, per encoding stats. */
  static boolean applies(ColumnChunkMetaData chunk, ColumnDomain domain) {
    EncodingStats encodings = chunk.getEncodingStats();
    boolean nullsPossible = chunk.getStatistics() == null || !chunk.getStatistics().isNumNullsSet()
        || chunk.getStatistics().getNumNulls() > 0;
    return encodings != null && encodings.hasDictionaryPages() && encodings.hasDictionaryEncodedPages()
        && !encodings.hasNonDictionaryEncodedPages() && !(domain.nullAllowed() && nullsPossible)
        && chunk.hasDictionaryPage();
  }

  /** Whether some entry of the PLAIN-encoded dictionary is admitted; true when an entry cannot be interpreted. */
  static boolean mayMatch(PageReader.DictionaryPage page, PrimitiveType type, ColumnDomain domain) {
    ByteBuffer data = ByteBuffer.wrap(page.data(), 0, page.end()).order(ByteOrder.LITTLE_ENDIAN);
    int position = page.offset();
    for (int i = 0; i < page.valueCount(); i++) {
      int length = switch (type.getPrimitiveTypeName()) {
        case INT32, FLOAT -> 4;
        case INT64, DOUBLE -> 8;
        case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
        case BINARY -> {
          if (position + 4 > page.end()) {
            yield -1;
          }
          int size = data.getInt(position);
          position += 4;
          yield size;
        }
        default -> -1;
      };
      if (length < 0 || position + length > page.end()) {
        return true;
      }
      Comparable<Object> value = DomainValues.fromPlain(type,
          Arrays.copyOfRange(page.data(), position, position + length));
      position += length;
      if (value == null || !comparable(value, domain) || domain.admits(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean comparable(Object value, ColumnDomain domain) {
    for (ColumnDomain.Range range : domain.ranges()) {
      if ((range.low() != null && !DomainValues.comparable(value, range.low()))
          || (range.high() != null && !DomainValues.comparable(value, range.high()))) {
        return false;
      }
    }
    return true;
  }
}
