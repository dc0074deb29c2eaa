package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.jdbc.TarnExecutionInfo;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The progress line's text, and that it is drawn in place and erased on JLine's own test terminals. */
class ProgressLineTest {

  /** Figures as a running query reports them through the driver. */
  private record Figures(String queryId, long rowsScanned, long bytesScanned, long splitsCompleted, long splitsTotal)
      implements TarnExecutionInfo {
    @Override public long rows() { return 0; }
    @Override public long partitionsScanned() { return 0; }
    @Override public long partitionsTotal() { return 0; }
    @Override public long filesScanned() { return 0; }
    @Override public long filesTotal() { return 0; }
    @Override public long rowGroupsScanned() { return 0; }
    @Override public long rowGroupsTotal() { return 0; }
    @Override public long pagesSkipped() { return 0; }
    @Override public long elapsedMillis() { return 0; }
  }

  @Test
  void showsElapsedRowsBytesAndSplitsWithABarCutToTheWidth() {
    Figures figures = new Figures("q1", 1_234_567, 5L << 20, 12, 48);
    assertThat(ProgressLine.render(figures, 3_250, 200))
        .isEqualTo("Running 3.3 s, 1,234,567 rows read, 5.0 MB scanned, splits 12/48 [=====>              ] 25%");
    assertThat(ProgressLine.render(new Figures("q1", 10, 100, 3, 3), 900, 200))
        .endsWith("splits 3/3 [====================] 100%");
    assertThat(ProgressLine.render(figures, 3_250, 20)).isEqualTo("Running 3.3 s, 1,23");
    assertThat(ProgressLine.render(new Figures(null, 0, 0, 0, 0), 700, 80)).as("while planning")
        .isEqualTo("Running 0.7 s");
    assertThat(ProgressLine.render(null, 700, 80)).as("another driver").isEqualTo("Running 0.7 s");
  }

  @Test
  void drawsInPlaceAfterHalfASecondAndErasesItself() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (PipedOutputStream keys = new PipedOutputStream();
        Terminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(keys), screen,
            StandardCharsets.UTF_8)) {
      ProgressLine line = ProgressLine.on(terminal);
      assertThat(line).isNotNull();
      ProgressLine.Run run = line.start(() -> new Figures("q1", 42, 2048, 1, 4));
      Thread.sleep(ProgressLine.DELAY_MILLIS + 3 * ProgressLine.REDRAW_MILLIS);
      run.stop();
      run.stop();
      String drawn = screen.toString(StandardCharsets.UTF_8);
      assertThat(drawn).contains("\rRunning ").contains("42 rows read, 2.0 KB scanned, splits 1/4")
          .doesNotContain("\n").endsWith("\r\u001b[K");
    }
  }

  @Test
  void aQuickStatementDrawsNothingAndDumbTerminalsGetNoLine() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (PipedOutputStream keys = new PipedOutputStream();
        Terminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(keys), screen,
            StandardCharsets.UTF_8)) {
      ProgressLine.Run run = ProgressLine.on(terminal).start(() -> null);
      run.stop();
      Thread.sleep(ProgressLine.DELAY_MILLIS + ProgressLine.REDRAW_MILLIS);
      assertThat(screen.toString(StandardCharsets.UTF_8)).isEmpty();
    }
    try (Terminal dumb = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(new PipedOutputStream()),
        new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(ProgressLine.on(dumb)).isNull();
    }
  }
}
