package dev.tarn.cli;

import dev.tarn.tpch.TpchLakeGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn generate}: writes a TPC-H lake (for benchmarks and your own DDL) without declaring tables. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a TPC-H lake as Hive-partitioned Parquet (skipped if already complete).")
final class GenerateCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Option(names = "--sf", paramLabel = "SCALE", defaultValue = "0.01",
      description = "TPC-H scale factor (default: ${DEFAULT-VALUE})")
  double scaleFactor;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Target folder (default: <warehouse>/demo-data/tpch-sf<SCALE>)")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path directory = output != null ? output : TpchLakeGenerator.defaultDirectory(warehouse.warehouse(), scaleFactor);
    long start = System.nanoTime();
    Path lake = TpchLakeGenerator.generate(directory, scaleFactor);
    spec.commandLine().getOut().println("TPC-H SF " + TpchLakeGenerator.formatScaleFactor(scaleFactor) + " lake at "
        + lake + " (" + ResultPrinter.seconds(start) + ")");
    return 0;
  }
}
