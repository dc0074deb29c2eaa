package dev.tarn.tpch;

import io.trino.tpch.LineItem;
import io.trino.tpch.Order;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes a TPC-H lake as Hive-partitioned Parquet with the Java TPC-H generator: one folder per table, with
 * {@code lineitem} partitioned by {@code ship_year/ship_month} and {@code orders} by {@code order_year}, and
 * column names and types as in {@code ddl-athena.sql}. Generation is deterministic and idempotent: a complete
 * lake carries a marker file and is never rewritten; an interrupted one is never seen, because the lake is
 * written to a sibling folder and moved into place only when complete.
 */
public final class TpchLakeGenerator {

  /** The file whose presence marks a complete lake; it records the scale factor and the row counts. */
  public static final String COMPLETE_MARKER = "_TARN_TPCH_COMPLETE";

  private TpchLakeGenerator() {
  }

  /** Generates the lake for {@code scaleFactor} into {@code directory} unless it is already complete there. */
  public static Path generate(Path directory, double scaleFactor) throws IOException {
    Path target = directory.toAbsolutePath().normalize();
    if (isComplete(target, scaleFactor)) {
      return target;
    }
    if (Files.exists(target.resolve(COMPLETE_MARKER))) {
      throw new IllegalArgumentException(target + " holds a TPC-H lake of another scale factor than "
          + formatScaleFactor(scaleFactor));
    }
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".incomplete-");
    try {
      Map<String, Long> rowCounts = writeTables(staging, scaleFactor);
      writeMarker(staging, scaleFactor, rowCounts);
      deleteRecursively(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(staging);
    }
    return target;
  }

  /** Whether {@code directory} holds a complete lake of this scale factor. */
  public static boolean isComplete(Path directory, double scaleFactor) throws IOException {
    Path marker = directory.resolve(COMPLETE_MARKER);
    return Files.isRegularFile(marker)
        && Files.readAllLines(marker, StandardCharsets.UTF_8).contains("scale_factor=" + formatScaleFactor(scaleFactor));
  }

  /** The conventional folder of a lake inside a warehouse: {@code <warehouse>/demo-data/tpch-sf0.01}. */
  public static Path defaultDirectory(Path warehouse, double scaleFactor) {
    return warehouse.resolve("demo-data").resolve("tpch-sf" + formatScaleFactor(scaleFactor));
  }

  /** A scale factor without trailing zeros: 0.01, 1, 10. */
  public static String formatScaleFactor(double scaleFactor) {
    return BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
  }

  /** The Hive partition folder of a line item: its ship date's year and month. */
  static String lineItemPartition(LineItem lineItem) {
    LocalDate shipDate = LocalDate.ofEpochDay(lineItem.getShipDate());
    return "ship_year=" + shipDate.getYear() + "/ship_month=" + shipDate.getMonthValue();
  }

  /** The Hive partition folder of an order: its order date's year. */
  static String orderPartition(Order order) {
    return "order_year=" + LocalDate.ofEpochDay(order.getOrderDate()).getYear();
  }

  /** Writes every table, the big ones in parallel; returns the row count of each table. */
  private static Map<String, Long> writeTables(Path root, double scaleFactor) throws IOException {
    // Parts bound memory: every partition writer of a part stays open until the part ends.
    int parts = Math.max(1, (int) Math.ceil(scaleFactor));
    List<TableTask<?>> tasks = new ArrayList<>();
    for (int part = 1; part <= parts; part++) {
      tasks.add(new TableTask<>(TpchTable.LINE_ITEM, part, parts, TpchLakeGenerator::lineItemPartition));
      tasks.add(new TableTask<>(TpchTable.ORDERS, part, parts, TpchLakeGenerator::orderPartition));
      tasks.add(new TableTask<>(TpchTable.PART_SUPPLIER, part, parts, entity -> ""));
      tasks.add(new TableTask<>(TpchTable.PART, part, parts, entity -> ""));
      tasks.add(new TableTask<>(TpchTable.CUSTOMER, part, parts, entity -> ""));
    }
    // Supplier, nation and region are small: one part each.
    tasks.add(new TableTask<>(TpchTable.SUPPLIER, 1, 1, entity -> ""));
    tasks.add(new TableTask<>(TpchTable.NATION, 1, 1, entity -> ""));
    tasks.add(new TableTask<>(TpchTable.REGION, 1, 1, entity -> ""));

    ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (TableTask<?> task : tasks) {
        results.add(executor.submit(() -> task.write(root, scaleFactor)));
      }
      Map<String, Long> rowCounts = new TreeMap<>();
      for (int index = 0; index < tasks.size(); index++) {
        rowCounts.merge(tasks.get(index).table().getTableName(), await(results.get(index)), Long::sum);
      }
      return rowCounts;
    } finally {
      executor.shutdownNow();
    }
  }

  private static long await(Future<Long> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("TPC-H generation was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("TPC-H generation failed: " + e.getCause(), e.getCause());
    }
  }

  private static void writeMarker(Path root, double scaleFactor, Map<String, Long> rowCounts) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("scale_factor=" + formatScaleFactor(scaleFactor));
    rowCounts.forEach((table, count) -> lines.add("rows." + table + "=" + count));
    Files.write(root.resolve(COMPLETE_MARKER), lines, StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(each);
      }
    }
  }

  /** One generator part of one table. */
  private record TableTask<E extends TpchEntity>(TpchTable<E> table, int part, int partCount,
      Function<E, String> partitionFolder) {

    long write(Path root, double scaleFactor) throws IOException {
      Path tableDirectory = root.resolve(table.getTableName());
      try (PartitionedTableWriter<E> writer =
          new PartitionedTableWriter<>(table, tableDirectory, part - 1, partitionFolder)) {
        for (E entity : table.createGenerator(scaleFactor, part, partCount)) {
          writer.write(entity);
        }
        return writer.rowCount();
      }
    }
  }
}
