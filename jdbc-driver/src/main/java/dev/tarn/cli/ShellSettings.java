package dev.tarn.cli;

/**
 * The shell's toggles, changed by dot-commands ({@code .mode}, {@code .timing}, ...) and read by the
 * {@link ResultPrinter} for each statement.
 */
final class ShellSettings {

  /** Rows shown of each result in the interactive shell unless {@code .maxrows} says otherwise. */
  static final long INTERACTIVE_MAX_ROWS = 1000;
  /** Values wider than this are cut in aligned tables unless {@code .maxwidth} says otherwise. */
  static final int DEFAULT_MAX_WIDTH = 80;

  OutputFormat format = OutputFormat.ALIGNED;
  /** Whether each statement is followed by its time, rows and data scanned. */
  boolean timing = true;
  /** Whether a live progress line is drawn while a query runs (on terminals that can redraw a line). */
  boolean progress = true;
  /** Rows shown of each result; 0 shows all. */
  long maxRows;
  int maxWidth = DEFAULT_MAX_WIDTH;
  /** How NULL is shown, or null for the format's default. */
  String nullValue;

  /** The settings of the interactive shell: aligned tables, timing, progress, at most 1000 rows per result. */
  static ShellSettings interactive() {
    ShellSettings settings = new ShellSettings();
    settings.maxRows = INTERACTIVE_MAX_ROWS;
    return settings;
  }

  /**
   * The settings of a script run ({@code -e}, {@code -f}, {@code tarn sql}) in {@code format}: every row, and a
   * summary line only for formats meant for people, so that CSV, TSV and JSON output is data alone.
   */
  static ShellSettings script(OutputFormat format) {
    ShellSettings settings = new ShellSettings();
    settings.format = format;
    settings.timing = format.forPeople();
    settings.progress = false;
    return settings;
  }

  /** NULL as shown in {@code format}: {@code .nullvalue} if set, else NULL for people and empty for programs. */
  String nullText(OutputFormat format) {
    if (nullValue != null) {
      return nullValue;
    }
    return format.forPeople() ? "NULL" : "";
  }
}
