package dev.tarn.engine.exec.scan;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.parquet.ParquetFooters;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.ScanStats;
import dev.tarn.engine.exec.dynamic.ScanDynamicFilter;
import dev.tarn.engine.exec.vector.Vectors;
import dev.tarn.engine.parquet.ParquetFileScan;
import dev.tarn.engine.parquet.predicate.ColumnDomain;
import dev.tarn.engine.parquet.predicate.DomainExtractor;
import dev.tarn.engine.plan.TableScanNode;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Exprs;
import dev.tarn.engine.plan.TableScanNode.PartitionSplit;
import dev.tarn.engine.plan.TableScanNode.ScanColumn;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Reads a table's Parquet files, morsel by morsel (a data file of a partition), into batches of the scan's columns:
 * file columns come from the Parquet reader, partition columns are filled with the partition's value. The morsels
 * come from the scan's {@link SplitSource}, shared by every copy of this scan in the query, so N copies on N
 * threads together read each file once; files are listed only for partitions that survived pruning, and only when
 * the scan reaches them.
 */
public final class TableScanOperator implements Operator {

  private final TableScanNode node;
  private final ExecutionContext context;
  private final Schema schema;
  private final ScanStats scanStats;
  private final List<Field> fileColumns = new ArrayList<>();
  /** The scan filter's column domains, keyed by index into {@link #fileColumns}, for row-group pruning. */
  private final Map<Integer, ColumnDomain> fileDomains = new HashMap<>();
  /** The scan filter's conjuncts that read only file columns, renumbered to file column indexes. */
  private final List<Expr> fileConjuncts = new ArrayList<>();
  private final SplitSource splits;
  private final ScanDynamicFilter dynamicFilter;
  private PartitionSplit currentPartition;
  private FileReader currentFile;
  private boolean closed;

  public TableScanOperator(TableScanNode node, ExecutionContext context) {
    this.node = node;
    this.context = context;
    this.schema = new Schema(node.outputFields());
    for (ScanColumn column : node.columns()) {
      if (!column.fromPartition()) {
        fileColumns.add(column.field());
      }
    }
    int[] fileColumnOf = node.fileColumnIndexes();
    DomainExtractor.extract(node.filter()).forEach((column, domain) -> {
      if (fileColumnOf[column] >= 0) {
        fileDomains.put(fileColumnOf[column], domain);
      }
    });
    for (Expr conjunct : Exprs.conjuncts(node.filter())) {
      if (Exprs.columns(conjunct).stream().allMatch(column -> fileColumnOf[column] >= 0)) {
        fileConjuncts.add(Exprs.renumber(conjunct, fileColumnOf));
      }
    }
    this.splits = context.splitSources().forScan(node, context);
    this.scanStats = splits.stats();
    this.dynamicFilter = splits.dynamicFilter();
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Batch next() {
    while (!closed) {
      context.checkCancelled();
      if (splits.isStopped()) {
        return null; // the consumer of this scan's fragment wants no more rows
      }
      if (currentFile != null) {
        Batch batch = currentFile.next();
        if (batch != null) {
          return batch;
        }
        currentFile.close();
        currentFile = null;
        scanStats.splitsCompleted.incrementAndGet();
      }
      Morsel morsel = splits.next();
      if (morsel == null) {
        return null;
      }
      currentPartition = morsel.partition();
      currentFile = open(morsel);
    }
    return null;
  }

  private FileReader open(Morsel morsel) {
    if (fileColumns.isEmpty()) {
      scanStats.filesScanned.incrementAndGet();
      return new RowCountReader(morsel.location());
    }
    return new ColumnReader(morsel);
  }

  /** Adds the partition columns to the file's columns, in the scan's output order. */
  private Batch assemble(List<FieldVector> fileVectors, int rowCount) {
    List<FieldVector> columns = new ArrayList<>(node.columns().size());
    int fileColumn = 0;
    try {
      for (ScanColumn column : node.columns()) {
        if (column.fromPartition()) {
          Object value = currentPartition.values().get(column.partitionKeyIndex());
          columns.add(Vectors.constant(column.field(), value, rowCount, context.allocator()));
        } else {
          columns.add(fileVectors.get(fileColumn++));
        }
      }
    } catch (RuntimeException e) {
      fileVectors.forEach(FieldVector::close);
      columns.stream().filter(v -> !fileVectors.contains(v)).forEach(FieldVector::close);
      throw e;
    }
    return new Batch(columns, rowCount);
  }

  @Override
  public void close() {
    closed = true;
    if (currentFile != null) {
      currentFile.close();
      currentFile = null;
    }
  }

  /** Batches from one data file. */
  private interface FileReader extends AutoCloseable {
    Batch next();

    @Override
    void close();
  }

  /** Decodes the file's columns through the Parquet reader. */
  private final class ColumnReader implements FileReader {
    private final ParquetFileScan scan;

    ColumnReader(Morsel morsel) {
      // Read per file: a join's dynamic filter may have been published since the scan began.
      Map<Integer, ColumnDomain> domains = dynamicFilter.fileDomains(fileDomains);
      Morsel.Piece piece = morsel.piece();
      ParquetMetadata footer = piece != null ? piece.footer()
          : context.footerCache().footer(context.fileSystem(), morsel.file(), scanStats);
      int firstRowGroup = piece == null ? 0 : piece.firstRowGroup();
      int endRowGroup = piece == null ? footer.getBlocks().size() : piece.endRowGroup();
      this.scan = ParquetFileScan.openRowGroups(context.fileSystem(), morsel.location(), footer, fileColumns,
          context.allocator(), context.batchSize(), scanStats, domains, firstRowGroup, endRowGroup);
      try {
        dynamicFilter.attributeRowGroups(scan.footer().getBlocks().subList(firstRowGroup, endRowGroup), fileColumns,
            fileDomains, domains);
        ScanRowFilter rowFilter = ScanRowFilter.create(fileConjuncts, dynamicFilter.rowFilters(), fileColumns,
            context.allocator());
        if (rowFilter != null) {
          scan.setRowFilter(rowFilter);
        }
      } catch (RuntimeException e) {
        scan.close();
        throw e;
      }
      // A file whose row groups were all pruned counts as not scanned; a file read in pieces counts once.
      if (scan.hasRowGroups() && (piece == null || piece.fileScanned().compareAndSet(false, true))) {
        scanStats.filesScanned.incrementAndGet();
      }
    }

    @Override
    public Batch next() {
      List<FieldVector> vectors = scan.next();
      return vectors == null ? null : assemble(vectors, vectors.get(0).getValueCount());
    }

    @Override
    public void close() {
      scan.close();
    }
  }

  /**
   * For scans that need no file column (COUNT(*), or only partition keys): the row counts come from the footer,
   * and no column chunk is read.
   */
  private final class RowCountReader implements FileReader {
    private final Deque<Long> rowGroupRows = new ArrayDeque<>();

    RowCountReader(String location) {
      FileSystem fileSystem = context.fileSystem();
      try (FileSystem.InputFile file = fileSystem.open(location)) {
        for (BlockMetaData block : ParquetFooters.read(file).getBlocks()) {
          rowGroupRows.add(block.getRowCount());
        }
        scanStats.rowGroupsTotal.addAndGet(rowGroupRows.size());
      } catch (dev.tarn.catalog.parquet.InvalidParquetFileException e) {
        throw new TarnException(ErrorCode.CORRUPT_FILE, location, e.getMessage(), e);
      } catch (IOException e) {
        throw new TarnException(ErrorCode.IO_ERROR, location, "Cannot read " + location + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Batch next() {
      while (!rowGroupRows.isEmpty()) {
        long remaining = rowGroupRows.poll();
        if (remaining == 0) {
          continue;
        }
        int rows = (int) Math.min(remaining, context.batchSize());
        if (remaining > rows) {
          rowGroupRows.push(remaining - rows);
        }
        // No column is decoded here, so the Parquet reader does not count these rows: count them once, here.
        scanStats.rowsScanned.addAndGet(rows);
        return assemble(List.of(), rows);
      }
      return null;
    }

    @Override
    public void close() {}
  }
}
