package dev.tarn.server.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Small metadata answers (catalogs, schemas, tables, type info) sent as one Arrow batch. Values are Java objects
 * of the column's kind: String (VARCHAR), Integer (INT, UINT1), Boolean (BIT), byte[] (VARBINARY), a List of
 * String (LIST of VARCHAR); null for a missing value. These are catalog answers, not query rows.
 */
final class VectorRows {

  private VectorRows() {}

  /** Sends {@code rows} under {@code schema} and completes the stream. */
  static void send(Schema schema, List<Object[]> rows, ServerStreamListener listener, BufferAllocator allocator) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      root.allocateNew();
      for (int column = 0; column < schema.getFields().size(); column++) {
        fill(root.getVector(column), rows, column);
      }
      root.setRowCount(rows.size());
      listener.start(root);
      listener.putNext();
      listener.completed();
    }
  }

  private static void fill(FieldVector vector, List<Object[]> rows, int column) {
    if (vector instanceof ListVector list) {
      fillLists(list, rows, column);
      return;
    }
    for (int row = 0; row < rows.size(); row++) {
      Object value = rows.get(row)[column];
      if (value == null) {
        vector.setNull(row);
      } else if (vector instanceof VarCharVector text) {
        text.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
      } else if (vector instanceof IntVector integer) {
        integer.setSafe(row, (Integer) value);
      } else if (vector instanceof UInt1Vector tiny) {
        tiny.setSafe(row, (Integer) value);
      } else if (vector instanceof BitVector bit) {
        bit.setSafe(row, (Boolean) value ? 1 : 0);
      } else if (vector instanceof VarBinaryVector binary) {
        binary.setSafe(row, (byte[]) value);
      } else {
        throw new IllegalArgumentException("No metadata writer for " + vector.getClass().getSimpleName());
      }
    }
    vector.setValueCount(rows.size());
  }

  @SuppressWarnings("unchecked")
  private static void fillLists(ListVector vector, List<Object[]> rows, int column) {
    UnionListWriter writer = vector.getWriter();
    for (int row = 0; row < rows.size(); row++) {
      List<String> values = (List<String>) rows.get(row)[column];
      writer.setPosition(row);
      if (values == null) {
        continue;
      }
      writer.startList();
      for (String value : values) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try (org.apache.arrow.memory.ArrowBuf buffer = vector.getAllocator().buffer(bytes.length)) {
          buffer.setBytes(0, bytes);
          writer.varChar().writeVarChar(0, bytes.length, buffer);
        }
      }
      writer.endList();
    }
    writer.setValueCount(rows.size());
  }
}
