package dev.tarn.engine.sql.metadata;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;

/**
 * Tarn's metadata: its selectivity, distinct-count and column-origin handlers ahead of Calcite's defaults. One provider for the
 * JVM, so Calcite compiles its dispatch code once.
 */
public final class TarnMetadata {

  static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(TarnRelMdSelectivity.INSTANCE,
          BuiltInMetadata.Selectivity.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(TarnRelMdDistinctRowCount.INSTANCE,
          BuiltInMetadata.DistinctRowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(TarnRelMdColumnOrigins.INSTANCE,
          BuiltInMetadata.ColumnOrigin.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private static final JaninoRelMetadataProvider HANDLERS = JaninoRelMetadataProvider.of(PROVIDER);

  private TarnMetadata() {}

  /** Makes every metadata query in the cluster (row counts, costs, build sides) use Tarn's statistics. */
  public static void install(RelOptCluster cluster) {
    cluster.setMetadataProvider(PROVIDER);
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    cluster.invalidateMetadataQuery();
  }
}
