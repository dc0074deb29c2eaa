package dev.tarn.engine.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Writes one BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value into a row of an Arrow vector. */
interface ByteArrayWriter {

  /** Writes {@code source[offset, offset + length)} as the value of {@code row}. */
  void write(FieldVector vector, int row, byte[] source, int offset, int length);

  /** Strings and binaries: copies the bytes into a VarChar or VarBinary vector, growing its data buffer. */
  static ByteArrayWriter variableWidth() {
    return (vector, row, source, offset, length) ->
        ((BaseVariableWidthVector) vector).setSafe(row, source, offset, length);
  }

  /** Big-endian two's complement unscaled decimals into a 16-byte Arrow decimal, times {@code 10^scaleIncrease}. */
  static ByteArrayWriter decimal(int scaleIncrease) {
    return (vector, row, source, offset, length) -> Decimals.writeBigEndian(
        ((DecimalVector) vector).getDataBuffer(), (long) row * DecimalVector.TYPE_WIDTH, source, offset, length,
        scaleIncrease);
  }
}
