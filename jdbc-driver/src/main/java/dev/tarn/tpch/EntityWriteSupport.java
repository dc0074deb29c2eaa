package dev.tarn.tpch;

import io.trino.tpch.TpchEntity;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes TPC-H entities as Parquet records, one field per mapped column, straight into the record consumer. */
final class EntityWriteSupport<E extends TpchEntity> extends WriteSupport<E> {

  private final MessageType schema;
  private final List<TpchColumnMapping<E>> columns;
  private RecordConsumer consumer;

  EntityWriteSupport(MessageType schema, List<TpchColumnMapping<E>> columns) {
    this.schema = schema;
    this.columns = columns;
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of("writer", "tarn-tpch"));
  }

  /** Never called: the writer is built with a PlainParquetConfiguration, so Hadoop is not needed at run time. */
  @Override
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    return new WriteContext(schema, Map.of("writer", "tarn-tpch"));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(E entity) {
    consumer.startMessage();
    for (int index = 0; index < columns.size(); index++) {
      TpchColumnMapping<E> column = columns.get(index);
      consumer.startField(column.name(), index);
      column.write(entity, consumer);
      consumer.endField(column.name(), index);
    }
    consumer.endMessage();
  }
}
