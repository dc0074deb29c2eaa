package dev.tarn.engine.exec.scan;

import dev.tarn.engine.plan.TableScanNode.PartitionSplit;

/**
 * The unit of work a scan copy takes from its {@link SplitSource}: one data file of a partition that survived
 * pruning.
 *
 * @param partition the partition the file belongs to (its values fill the partition columns)
 * @param location the data file
 */
record Morsel(PartitionSplit partition, String location) {}
