package dev.tarn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn demo}: a TPC-H lake, its tables, and a few queries that show partition pruning. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a TPC-H lake, declare it with Athena DDL and run a few queries.")
final class DemoCommand implements Callable<Integer> {

  @Mixin
  WarehouseOption warehouse;

  @Option(names = "--sf", paramLabel = "SCALE", defaultValue = "0.01",
      description = "TPC-H scale factor (default: ${DEFAULT-VALUE})")
  double scaleFactor;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return new Demo(warehouse.warehouse(), scaleFactor, spec.commandLine().getOut()).run() ? 0 : 1;
  }
}
