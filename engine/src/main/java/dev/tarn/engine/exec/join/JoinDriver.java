package dev.tarn.engine.exec.join;

import dev.tarn.engine.exec.Batch;
import dev.tarn.engine.exec.ExecutionContext;
import dev.tarn.engine.exec.Operator;
import dev.tarn.engine.exec.expr.VectorExpression;
import dev.tarn.engine.exec.vector.Gather;
import dev.tarn.engine.plan.BuildSide;
import dev.tarn.engine.plan.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The join algorithm shared by the hash and nested-loop join operators, which differ only in their
 * {@link CandidateFinder}. It buffers the build side (a {@link JoinBuild}, possibly shared with other drivers
 * probing on other threads), then streams the probe side batch by batch: candidates
 * are gathered into pair batches of at most {@code batchSize} rows, the residual keeps the matching ones, and
 * matches are recorded per probe row and per build row. Rows kept without a match (outer joins), or kept for
 * having one (SEMI) or none (ANTI), are emitted after each probe batch (probe side) or at the end (build side),
 * so any join type works with either side as the build side.
 */
public final class JoinDriver {
  private final Operator probeInput;
  private final JoinBuild joinBuild;
  private final JoinType joinType;
  private final boolean probeIsLeft;
  private final CandidateFinder finder;
  private final VectorExpression residual;
  private final List<Field> outputFields;
  private final List<Field> pairFields;
  private final int leftColumnCount;
  private final ExecutionContext context;
  private final int[] probeRows;
  private final int[] buildIds;
  /** Where the build rows of a pair batch are (batch, row), located once for all their columns. */
  private int[] buildSources;
  private int[] buildRowsInBatch;

  private BuildRows build;
  private Batch probe;
  private boolean[] probeMatched;
  private boolean probeDone;
  /** This copy's matched build rows (a bit per id), merged into the shared build when its probe side ends. */
  private long[] buildMatched = new long[0];
  /** Whether this copy emits the build rows (it finished probing last); null until its probe side ends. */
  private Boolean emitsBuild;
  private int buildEmitCursor;
  private boolean closed;

  /** {@code residual} (null for none) is over the left columns then the right ones. */
  public JoinDriver(Operator left, Operator right, JoinType joinType, BuildSide buildSide, CandidateFinder finder,
      VectorExpression residual, List<Field> outputFields, ExecutionContext context) {
    this(left, right, joinType, buildSide, finder, residual, outputFields, context, null);
  }

  /** As above; {@code buildListener} (or null) sees the build side and hears when it is complete. */
  public JoinDriver(Operator left, Operator right, JoinType joinType, BuildSide buildSide, CandidateFinder finder,
      VectorExpression residual, List<Field> outputFields, ExecutionContext context, BuildListener buildListener) {
    this(buildSide == BuildSide.RIGHT ? left : right,
        new JoinBuild(buildSide == BuildSide.RIGHT ? right : left, finder, buildListener, context, 1), finder,
        joinType, buildSide, residual, outputFields, context);
  }

  /**
   * A driver probing {@code probeInput} against {@code build}, which it holds one reference of (and may share with
   * other drivers, each probing part of the probe side on its own thread with its own {@code finder} over the
   * build's index). A join that {@link #emitsBuildRows emits build rows} merges each copy's matches into the
   * build when its probe side ends; the last copy to finish emits them.
   */
  public JoinDriver(Operator probeInput, JoinBuild build, CandidateFinder finder, JoinType joinType,
      BuildSide buildSide, VectorExpression residual, List<Field> outputFields, ExecutionContext context) {
    this.probeInput = probeInput;
    this.joinBuild = build;
    this.joinType = joinType;
    this.probeIsLeft = buildSide == BuildSide.RIGHT;
    this.finder = finder;
    this.residual = residual;
    this.outputFields = List.copyOf(outputFields);
    List<Field> leftFields = (probeIsLeft ? probeInput.schema() : build.schema()).getFields();
    List<Field> rightFields = (probeIsLeft ? build.schema() : probeInput.schema()).getFields();
    this.leftColumnCount = leftFields.size();
    List<Field> pairs = new ArrayList<>(leftFields);
    pairs.addAll(rightFields);
    this.pairFields = joinType.outputsLeftOnly() ? pairs : this.outputFields;
    this.context = context;
    this.probeRows = new int[context.batchSize()];
    this.buildIds = new int[context.batchSize()];
    this.buildSources = new int[context.batchSize()];
    this.buildRowsInBatch = new int[context.batchSize()];
  }

  /**
   * Whether a join emits build rows after its probe side (unmatched ones of an outer join, or the left rows of a
   * SEMI/ANTI join built on the left): it must then know every probe copy's matches first.
   */
  public static boolean emitsBuildRows(JoinType joinType, BuildSide buildSide) {
    boolean probeIsLeft = buildSide == BuildSide.RIGHT;
    boolean keepsUnmatchedBuild = probeIsLeft ? joinType.keepsUnmatchedRight() : joinType.keepsUnmatchedLeft();
    return keepsUnmatchedBuild || (!probeIsLeft && joinType.outputsLeftOnly());
  }

  public Schema schema() {
    return new Schema(outputFields);
  }

  /** The next output batch, or null when the join is complete. */
  public Batch next() {
    if (closed) {
      return null;
    }
    if (build == null) {
      startProbing();
    }
    while (true) {
      context.checkCancelled();
      if (probe == null) {
        if (probeDone) {
          if (emitsBuild == null) {
            emitsBuild = tracksBuildMatches() && joinBuild.probeFinished(buildMatched);
          }
          return emitsBuild ? emitBuildRows() : null;
        }
        Batch next = probeInput.next();
        if (next == null) {
          probeDone = true;
        } else if (next.rowCount() == 0) {
          next.close();
        } else {
          probe = next;
          probeMatched = new boolean[next.rowCount()];
          finder.startProbe(next);
        }
        continue;
      }
      int count = finder.fill(probeRows, buildIds, probeRows.length, firstCandidateSuffices());
      Batch output = count == 0 ? finishProbeBatch() : matchPairs(count);
      if (output != null) {
        return output;
      }
    }
  }

  /** Waits for (or does) the build, then decides whether the probe side needs reading at all. */
  private void startProbing() {
    build = joinBuild.rows();
    if (tracksBuildMatches()) {
      buildMatched = new long[(build.rowCount() + 63) >>> 6];
    }
    // With nothing to match, a probe row survives only in an outer join keeping it, or an anti join.
    if (build.rowCount() == 0 && !keepsUnmatchedProbe() && !(probeIsLeft && joinType == JoinType.ANTI)) {
      probeDone = true;
    }
  }

  private boolean outputsPairs() {
    return !joinType.outputsLeftOnly();
  }

  private boolean keepsUnmatchedProbe() {
    return probeIsLeft ? joinType.keepsUnmatchedLeft() : joinType.keepsUnmatchedRight();
  }

  /** Build rows are emitted at the end: unmatched ones of an outer join, or the left rows of SEMI/ANTI. */
  private boolean tracksBuildMatches() {
    return emitsBuildRows(joinType, probeIsLeft ? BuildSide.RIGHT : BuildSide.LEFT);
  }

  /** A SEMI/ANTI join probing with its left rows only asks whether a row has a match. */
  private boolean firstCandidateSuffices() {
    return residual == null && probeIsLeft && joinType.outputsLeftOnly();
  }

  /** Applies the residual to {@code count} candidates, records the matches, and returns the matched pairs. */
  private Batch matchPairs(int count) {
    Batch pairs = null;
    int[] selected = null;
    int matches = count;
    try {
      if (residual != null) {
        pairs = assemble(pairFields, probe, probeRows, buildIds, count);
        selected = new int[count];
        matches = 0;
        try (FieldVector result = residual.evaluate(pairs, context.allocator())) {
          if (!(result instanceof NullVector)) {
            ArrowBuf valid = result.getValidityBuffer();
            ArrowBuf data = result.getDataBuffer();
            for (int i = 0; i < count; i++) {
              selected[matches] = i;
              matches += BitVectorHelper.get(valid, i) & BitVectorHelper.get(data, i);
            }
          }
        }
      }
      boolean trackBuild = tracksBuildMatches();
      for (int m = 0; m < matches; m++) {
        int i = selected == null ? m : selected[m];
        probeMatched[probeRows[i]] = true;
        if (trackBuild) {
          markBuildMatched(buildIds[i]);
        }
      }
      if (!outputsPairs() || matches == 0) {
        return null;
      }
      if (pairs == null) {
        pairs = assemble(pairFields, probe, probeRows, buildIds, count);
      }
      if (matches < count) {
        try (Batch all = pairs) {
          pairs = null;
          return Gather.batch(all, selected, matches, context.allocator());
        }
      }
      Batch result = pairs;
      pairs = null;
      return result;
    } finally {
      if (pairs != null) {
        pairs.close();
      }
    }
  }

  private void markBuildMatched(int id) {
    buildMatched[id >>> 6] |= 1L << id;
  }

  /** The probe batch is exhausted: emits its rows kept without a match, or its SEMI/ANTI rows, then drops it. */
  private Batch finishProbeBatch() {
    Batch current = probe;
    probe = null;
    try {
      boolean semiOrAnti = probeIsLeft && joinType.outputsLeftOnly();
      if (!semiOrAnti && !keepsUnmatchedProbe()) {
        return null;
      }
      boolean wanted = joinType == JoinType.SEMI;
      int[] rows = new int[current.rowCount()];
      int count = 0;
      for (int row = 0; row < rows.length; row++) {
        rows[count] = row;
        count += probeMatched[row] == wanted ? 1 : 0;
      }
      if (count == 0) {
        return null;
      }
      if (semiOrAnti) {
        if (count == rows.length) {
          Batch whole = current;
          current = null;
          return whole;
        }
        return Gather.batch(current, rows, count, context.allocator());
      }
      return assemble(outputFields, current, rows, null, count);
    } finally {
      if (current != null) {
        current.close();
      }
    }
  }

  /** After the probe side: emits build rows kept without a match, or the SEMI/ANTI left rows, a batch at a time. */
  private Batch emitBuildRows() {
    if (!tracksBuildMatches()) {
      return null;
    }
    boolean wanted = joinType == JoinType.SEMI;
    int[] ids = new int[probeRows.length];
    int count = 0;
    while (buildEmitCursor < build.rowCount() && count < ids.length) {
      int id = buildEmitCursor++;
      ids[count] = id;
      count += build.isMatched(id) == wanted ? 1 : 0;
    }
    if (count == 0) {
      return null;
    }
    return assemble(outputFields, null, null, ids, count);
  }

  /**
   * A batch of {@code fields} (left columns, then right ones if any) whose row i pairs probe row
   * {@code probeRowIndexes[i]} of {@code probeBatch} with build row {@code buildRowIds[i]}; a null array makes
   * that side's columns NULL.
   */
  private Batch assemble(List<Field> fields, Batch probeBatch, int[] probeRowIndexes, int[] buildRowIds, int count) {
    List<FieldVector> columns = new ArrayList<>(fields.size());
    boolean located = false;
    try {
      for (int j = 0; j < fields.size(); j++) {
        boolean isLeft = j < leftColumnCount;
        int column = isLeft ? j : j - leftColumnCount;
        Field field = fields.get(j);
        if (isLeft == probeIsLeft) {
          columns.add(probeColumn(field, probeBatch, column, probeRowIndexes, count));
        } else {
          if (!located) {
            if (count > buildSources.length) {
              // Unmatched rows of a probe batch larger than batchSize come as one batch.
              buildSources = new int[count];
              buildRowsInBatch = new int[count];
            }
            build.locate(buildRowIds, count, buildSources, buildRowsInBatch);
            located = true;
          }
          columns.add(build.gather(column, field, buildSources, buildRowsInBatch, count, context.allocator()));
        }
      }
      return new Batch(columns, count);
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
  }

  private FieldVector probeColumn(Field field, Batch probeBatch, int column, int[] rows, int count) {
    if (rows == null) {
      int[] none = new int[count];
      Arrays.fill(none, -1);
      return Gather.rows(field, new FieldVector[] {null}, none, new int[count], 0, count, context.allocator());
    }
    return Gather.rows(field, new FieldVector[] {probeBatch.column(column)}, null, rows, 0, count,
        context.allocator());
  }

  /** Releases the build (the last user frees it), closes the current probe batch and the probe input; idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (probe != null) {
        probe.close();
        probe = null;
      }
    } finally {
      try {
        joinBuild.release();
      } finally {
        probeInput.close();
      }
    }
  }
}
