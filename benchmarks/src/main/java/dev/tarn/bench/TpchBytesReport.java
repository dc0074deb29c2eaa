package dev.tarn.bench;

import dev.tarn.catalog.model.Table;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.engine.api.EngineConfig;
import dev.tarn.engine.api.TarnEngine;
import dev.tarn.engine.exec.scan.DataFiles;
import dev.tarn.engine.plan.PlanNode;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Athena-style "data scanned" for TPC-H: runs the 22 queries at a scale factor and prints, per query, the bytes
 * Tarn read next to the full compressed size of the columns the query references (the sum of those columns'
 * chunk sizes over every file of every referenced table, from the footers; the columns are the file columns of
 * the plan's TableScanNodes). The ratio is what pruning and footer answers saved.
 *
 * <p>Run: {@code java -cp benchmarks/target/tarn-benchmarks.jar dev.tarn.bench.TpchBytesReport --sf 1} (the
 * lake is generated once into {@code ~/.tarn/bench-data/tpch-sf<sf>}; override with -Dtarn.bench.data=DIR).
 * Queries run through the engine API with the embedded session's planner and operators, which gives the per-query
 * stats until JDBC exposes them.
 */
public final class TpchBytesReport {

  private TpchBytesReport() {}

  public static void main(String[] args) throws Exception {
    double scaleFactor = 1;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--sf") && i + 1 < args.length) {
        scaleFactor = Double.parseDouble(args[++i]);
      }
    }
    Path lake = TpchLake.generate(scaleFactor);
    try (TarnEngine engine = TarnEngine.open(EngineConfig.defaults(Files.createTempDirectory("tarn-tpch-bytes")))) {
      EngineQueries.execute(engine, TpchLake.ddl(lake).toArray(String[]::new));
      Map<String, Long> columnSizes = new HashMap<>();
      System.out.printf(Locale.ROOT, "TPC-H SF%s bytes scanned (Tarn) vs full size of referenced columns%n",
          TpchLakeGenerator.formatScaleFactor(scaleFactor));
      System.out.printf(Locale.ROOT, "%-5s %16s %18s %8s %8s  %s%n", "query", "bytes scanned", "referenced bytes",
          "ratio", "ms", "referenced columns");
      long totalScanned = 0;
      long totalReferenced = 0;
      for (int query = 1; query <= 22; query++) {
        String sql = TpchLake.query(query);
        Map<String, Set<String>> columns = referencedColumns(EngineQueries.plan(engine, "tpch", sql));
        long referenced = 0;
        for (Map.Entry<String, Set<String>> table : columns.entrySet()) {
          for (String column : table.getValue()) {
            referenced += columnSizes.computeIfAbsent(table.getKey() + "." + column,
                key -> columnSize(engine, table.getKey(), column));
          }
        }
        long start = System.nanoTime();
        long scanned = EngineQueries.run(engine, "tpch", sql).stats().bytesScanned();
        long millis = (System.nanoTime() - start) / 1_000_000;
        totalScanned += scanned;
        totalReferenced += referenced;
        System.out.printf(Locale.ROOT, "Q%-4d %16d %18d %7.1f%% %8d  %s%n", query, scanned, referenced,
            100.0 * scanned / Math.max(1, referenced), millis, columns);
      }
      System.out.printf(Locale.ROOT, "%-5s %16d %18d %7.1f%%%n", "all", totalScanned, totalReferenced,
          100.0 * totalScanned / Math.max(1, totalReferenced));
    }
  }

  /** Per qualified table, the file columns (not partition keys) of every scan of it in the plan. */
  static Map<String, Set<String>> referencedColumns(PlanNode plan) {
    Map<String, Set<String>> columns = new TreeMap<>();
    List<PlanNode> pending = new ArrayList<>(List.of(plan));
    while (!pending.isEmpty()) {
      PlanNode node = pending.remove(pending.size() - 1);
      if (node instanceof TableScanNode scan) {
        Set<String> names = columns.computeIfAbsent(scan.table(), table -> new TreeSet<>());
        scan.columns().stream().filter(column -> !column.fromPartition())
            .forEach(column -> names.add(column.field().getName().toLowerCase(Locale.ROOT)));
      }
      pending.addAll(node.inputs());
    }
    return columns;
  }

  /** The compressed size of one column over all files of the table (every partition, before any pruning). */
  private static long columnSize(TarnEngine engine, String qualifiedTable, String column) {
    String[] name = qualifiedTable.split("\\.", 2);
    Table table = engine.catalog().getTable(name[0], name[1]).orElseThrow();
    long size = 0;
    for (String file : DataFiles.list(engine.fileSystem(), table.storageDescriptor().location(), qualifiedTable)) {
      try {
        for (BlockMetaData block : ParquetFooters.read(engine.fileSystem(), file).getBlocks()) {
          for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toArray()[0].equalsIgnoreCase(column)) {
              size += chunk.getTotalSize();
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the footer of " + file, e);
      }
    }
    return size;
  }
}
