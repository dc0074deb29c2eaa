package dev.tarn.engine.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * The correct-but-slower path for the less common encodings (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT): parquet-column's {@link ValuesReader} decodes value by value, numbers are
 * re-laid out as PLAIN bytes and go through the same {@link FixedWidthConverter} as the fast path.
 */
final class ValuesReaderDecoder implements ValuesDecoder {

  private final ValuesReader reader;
  private final ColumnConversion conversion;
  private final ColumnDescriptor descriptor;
  private byte[] scratch = new byte[0];

  /** Decodes {@code data[offset, end)}, which holds at most {@code valueCount} values in {@code encoding}. */
  ValuesReaderDecoder(byte[] data, int offset, int end, int valueCount, Encoding encoding,
      ColumnDescriptor descriptor, ColumnConversion conversion) {
    this.reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
    this.conversion = conversion;
    this.descriptor = descriptor;
    try {
      reader.initFromPage(valueCount, ByteBufferInputStream.wrap(ByteBuffer.wrap(data, offset, end - offset)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void skip(int count) {
    reader.skip(count);
  }

  @Override
  public void read(FieldVector vector, int row, int count) {
    if (conversion.isBoolean()) {
      for (int i = 0; i < count; i++) {
        if (reader.readBoolean()) {
          BitVectorHelper.setBit(vector.getDataBuffer(), row + i);
        }
      }
    } else if (conversion.byteArrayWriter() != null) {
      for (int i = 0; i < count; i++) {
        Binary value = reader.readBytes();
        byte[] bytes = value.getBytesUnsafe();
        conversion.byteArrayWriter().write(vector, row + i, bytes, 0, value.length());
      }
    } else {
      FixedWidthConverter converter = conversion.converter();
      int width = converter.sourceWidth();
      if (scratch.length < count * width) {
        scratch = new byte[count * width];
      }
      for (int i = 0; i < count; i++) {
        writePlain(i * width);
      }
      converter.convert(scratch, 0, vector.getDataBuffer(), (long) row * converter.targetWidth(), count);
    }
  }

  private void writePlain(int at) {
    switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case INT32 -> FixedWidthConverters.INT.set(scratch, at, reader.readInteger());
      case INT64 -> FixedWidthConverters.LONG.set(scratch, at, reader.readLong());
      case FLOAT -> FixedWidthConverters.FLOAT.set(scratch, at, reader.readFloat());
      case DOUBLE -> FixedWidthConverters.LONG.set(scratch, at, Double.doubleToRawLongBits(reader.readDouble()));
      default -> {
        Binary value = reader.readBytes();
        if (value.length() != 12) {
          throw new CorruptPageException("INT96 value of " + value.length() + " bytes");
        }
        System.arraycopy(value.getBytesUnsafe(), 0, scratch, at, 12);
      }
    }
  }
}
