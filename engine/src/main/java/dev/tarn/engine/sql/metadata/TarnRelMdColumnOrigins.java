package dev.tarn.engine.sql.metadata;

import dev.tarn.engine.sql.rel.TarnTableScan;
import java.util.Set;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Column origins through Tarn's scans, which produce a subset of the table's columns once columns are trimmed:
 * output column {@code i} is table column {@code columns().get(i)}. Calcite's generic rule gives up on a scan
 * whose row type differs from its table's. Every other node keeps Calcite's handler, which comes next in
 * {@link TarnMetadata}'s chain.
 */
public class TarnRelMdColumnOrigins implements MetadataHandler<BuiltInMetadata.ColumnOrigin> {

  static final TarnRelMdColumnOrigins INSTANCE = new TarnRelMdColumnOrigins();

  @Override
  public MetadataDef<BuiltInMetadata.ColumnOrigin> getDef() {
    return BuiltInMetadata.ColumnOrigin.DEF;
  }

  public Set<RelColumnOrigin> getColumnOrigins(TarnTableScan scan, RelMetadataQuery mq, int outputColumn) {
    return Set.of(new RelColumnOrigin(scan.getTable(), scan.columns().get(outputColumn), false));
  }
}
