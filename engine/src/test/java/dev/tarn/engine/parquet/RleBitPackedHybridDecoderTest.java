package dev.tarn.engine.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.bitpacking.BitPacking;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The level decoders against parquet-java's encoders (the reference), plus corrupt inputs that must fail fast. */
class RleBitPackedHybridDecoderTest {

  @ParameterizedTest(name = "bit width {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
      26, 27, 28, 29, 30, 31, 32})
  void decodesWhatParquetJavaEncodes(int bitWidth) throws IOException {
    int[] values = runsAndNoise(10_007, bitWidth);
    RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator());
    for (int value : values) {
      encoder.writeInt(value);
    }
    byte[] encoded = encoder.toBytes().toByteArray();

    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(encoded, 0, encoded.length, bitWidth);
    int[] decoded = new int[values.length];
    int[] chunk = new int[997];
    // Odd chunk sizes cross run and group boundaries at every offset.
    for (int done = 0; done < values.length; ) {
      int count = Math.min(1 + done % 997, values.length - done);
      decoder.read(chunk, count);
      System.arraycopy(chunk, 0, decoded, done, count);
      done += count;
    }
    assertThat(decoded).isEqualTo(values);
  }

  /** Skipping any stretch, then reading, gives what reading everything gives at that point. */
  @ParameterizedTest(name = "bit width {0}")
  @ValueSource(ints = {0, 1, 3, 8, 13, 32})
  void skipsAnyNumberOfValuesLikeReadingThem(int bitWidth) throws IOException {
    int[] values = runsAndNoise(10_007, bitWidth);
    RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator());
    for (int value : values) {
      encoder.writeInt(value);
    }
    byte[] encoded = encoder.toBytes().toByteArray();
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(encoded, 0, encoded.length, bitWidth);
    int[] chunk = new int[64];
    int at = 0;
    for (int step = 0; at < values.length; step++) {
      int skip = Math.min((step * 37) % 211, values.length - at);
      decoder.skip(skip);
      at += skip;
      int count = Math.min(1 + step % 61, values.length - at);
      decoder.read(chunk, count);
      for (int i = 0; i < count; i++) {
        assertThat(chunk[i]).as("value %d", at + i).isEqualTo(values[at + i]);
      }
      at += count;
    }
  }

  @ParameterizedTest(name = "bit width {0}")
  @ValueSource(ints = {1, 2, 3, 7})
  void decodesLegacyBitPackedLevels(int bitWidth) throws IOException {
    int[] values = runsAndNoise(1001, bitWidth);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    BitPacking.BitPackingWriter writer = BitPacking.getBitPackingWriter(bitWidth, output);
    for (int value : values) {
      writer.write(value);
    }
    writer.finish();
    byte[] encoded = output.toByteArray();
    assertThat(encoded).hasSize(BitPackedLevelDecoder.byteLength(values.length, bitWidth));

    int[] decoded = new int[values.length];
    new BitPackedLevelDecoder(encoded, 0, encoded.length, bitWidth).read(decoded, values.length);
    assertThat(decoded).isEqualTo(values);
    assertThatThrownBy(() -> new BitPackedLevelDecoder(encoded, 0, encoded.length, bitWidth).read(new int[2000], 2000))
        .isInstanceOf(CorruptPageException.class);
  }

  @Test
  void rejectsARunOfZeroValuesInsteadOfLooping() {
    byte[] zeroRun = {0x00, 0x01};
    assertThatThrownBy(() -> new RleBitPackedHybridDecoder(zeroRun, 0, 2, 1).read(new int[4], 4))
        .isInstanceOf(CorruptPageException.class).hasMessageContaining("RLE run of 0");
    byte[] zeroGroups = {0x01};
    assertThatThrownBy(() -> new RleBitPackedHybridDecoder(zeroGroups, 0, 1, 1).read(new int[4], 4))
        .isInstanceOf(CorruptPageException.class).hasMessageContaining("zero groups");
  }

  @Test
  void rejectsReadingPastTheEncodedData() {
    byte[] runOfThree = {0x06, 0x01}; // RLE run: 3 copies of 1
    RleBitPackedHybridDecoder decoder = new RleBitPackedHybridDecoder(runOfThree, 0, 2, 1);
    assertThatThrownBy(() -> decoder.read(new int[4], 4))
        .isInstanceOf(CorruptPageException.class).hasMessageContaining("ends before");
    byte[] packedWithoutBytes = {0x03}; // one bit-packed group announced, no bytes follow
    assertThatThrownBy(() -> new RleBitPackedHybridDecoder(packedWithoutBytes, 0, 1, 4).read(new int[8], 8))
        .isInstanceOf(CorruptPageException.class);
    byte[] endlessVarInt = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThatThrownBy(() -> new RleBitPackedHybridDecoder(endlessVarInt, 0, 6, 1).read(new int[1], 1))
        .isInstanceOf(CorruptPageException.class);
    assertThatThrownBy(() -> new RleBitPackedHybridDecoder(runOfThree, 0, 2, 33))
        .isInstanceOf(CorruptPageException.class);
  }

  /** Long runs (RLE) alternating with random stretches (bit-packed), all within {@code bitWidth} bits. */
  private static int[] runsAndNoise(int length, int bitWidth) {
    long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
    int[] values = new int[length];
    for (int i = 0; i < length; i++) {
      boolean inRun = (i / 100) % 2 == 0;
      values[i] = (int) ((inRun ? i / 100 : ParquetTestFiles.mix(i, bitWidth)) & mask);
    }
    return Arrays.copyOf(values, length);
  }
}
