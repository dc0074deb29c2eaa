package dev.tarn.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How result rows are written: the shell's {@code .mode} and the {@code --format} option.
 * <ul>
 *   <li>{@code aligned}: a table with a header, numbers right-aligned, long values cut (default)
 *   <li>{@code vertical}: one {@code column | value} line per column, records numbered (for wide rows)
 *   <li>{@code csv}: RFC 4180, a header line, fields quoted when they hold a comma, quote or line break
 *   <li>{@code tsv}: tab-separated, a header line, tab, line break and backslash escaped as {@code \t \n \\}
 *   <li>{@code json}: JSON Lines, one object per row ({@code {"column":value}}), numbers and booleans unquoted
 * </ul>
 */
enum OutputFormat {
  ALIGNED, VERTICAL, CSV, TSV, JSON;

  /** Lower-case names, as typed. */
  static String names() {
    return Arrays.stream(values()).map(OutputFormat::typedName).collect(Collectors.joining(", "));
  }

  String typedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format called {@code name} (any case; {@code table} and {@code line} are aliases), or null. */
  static OutputFormat named(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "table" -> ALIGNED;
      case "line", "lines" -> VERTICAL;
      case "jsonl", "ndjson", "jsonlines" -> JSON;
      default -> Arrays.stream(values()).filter(format -> format.typedName().equals(lower)).findFirst().orElse(null);
    };
  }

  /** Whether the rows are meant for people, with a row count under them; the others are for programs. */
  boolean forPeople() {
    return this == ALIGNED || this == VERTICAL;
  }

  /** A writer of rows in this format to {@code out}. */
  RowWriter writer(PrintWriter out, ShellSettings settings) {
    return switch (this) {
      case ALIGNED -> new AlignedRowWriter(out, settings.nullText(this), settings.maxWidth);
      case VERTICAL -> new VerticalRowWriter(out, settings.nullText(this), settings.maxWidth);
      case CSV -> new DelimitedRowWriter(out, DelimitedRowWriter.Style.CSV, settings.nullText(this));
      case TSV -> new DelimitedRowWriter(out, DelimitedRowWriter.Style.TSV, settings.nullText(this));
      case JSON -> new JsonRowWriter(out);
    };
  }
}
