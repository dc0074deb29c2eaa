package dev.tarn.catalog.crawler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a crawl changed in the catalog and what it could not use. Table names are qualified ({@code db.table});
 * partitions are given as {@code k1=v1/k2=v2} paths. {@link #summaryLines()} is the CLI's output.
 */
public record CrawlReport(
    String location,
    String database,
    boolean databaseCreated,
    List<String> tablesCreated,
    Map<String, List<String>> columnsAdded,
    Map<String, List<String>> partitionsAdded,
    List<SkippedFile> skippedFiles,
    List<String> warnings) {

  /** A file the crawl did not use, and why (corrupt, unreadable, at the wrong folder depth, ...). */
  public record SkippedFile(String location, String reason) {}

  public CrawlReport {
    tablesCreated = List.copyOf(tablesCreated);
    columnsAdded = Map.copyOf(columnsAdded);
    partitionsAdded = Map.copyOf(partitionsAdded);
    skippedFiles = List.copyOf(skippedFiles);
    warnings = List.copyOf(warnings);
  }

  /** Whether the crawl changed the catalog (a database, table, column or partition was added). */
  public boolean hasChanges() {
    return databaseCreated || !tablesCreated.isEmpty() || !columnsAdded.isEmpty() || !partitionsAdded.isEmpty();
  }

  /** The number of partitions added to {@code qualifiedTable} by this crawl. */
  public int partitionsAddedTo(String qualifiedTable) {
    return partitionsAdded.getOrDefault(qualifiedTable, List.of()).size();
  }

  /** Human-readable lines: changes first, then skipped files and warnings; "no changes" when nothing changed. */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    lines.add("Crawled " + location + " into database " + database);
    if (databaseCreated) {
      lines.add("Created database " + database);
    }
    tablesCreated.stream().sorted().forEach(table -> lines.add("Created table " + table));
    columnsAdded.keySet().stream().sorted().forEach(table ->
        lines.add("Added columns to " + table + ": " + String.join(", ", columnsAdded.get(table))));
    partitionsAdded.keySet().stream().sorted().forEach(table -> {
      List<String> added = partitionsAdded.get(table);
      String sample = String.join(", ", added.subList(0, Math.min(5, added.size())));
      lines.add("Added " + added.size() + " partition" + (added.size() == 1 ? "" : "s") + " to " + table + ": "
          + sample + (added.size() > 5 ? ", ..." : ""));
    });
    if (!hasChanges()) {
      lines.add("No changes");
    }
    skippedFiles.forEach(file -> lines.add("Skipped " + file.location() + ": " + file.reason()));
    warnings.forEach(warning -> lines.add("Warning: " + warning));
    return lines;
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), summaryLines());
  }

  /** Collects a report while a crawl runs. */
  static final class Builder {
    private final String location;
    private final String database;
    private boolean databaseCreated;
    private final List<String> tablesCreated = new ArrayList<>();
    private final Map<String, List<String>> columnsAdded = new LinkedHashMap<>();
    private final Map<String, List<String>> partitionsAdded = new LinkedHashMap<>();
    private final List<SkippedFile> skippedFiles = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Builder(String location, String database) {
      this.location = location;
      this.database = database;
    }

    void databaseCreated() {
      databaseCreated = true;
    }

    void tableCreated(String table) {
      tablesCreated.add(table);
    }

    void columnsAdded(String table, List<String> columns) {
      if (!columns.isEmpty()) {
        columnsAdded.put(table, List.copyOf(columns));
      }
    }

    void partitionsAdded(String table, List<String> partitions) {
      if (!partitions.isEmpty()) {
        partitionsAdded.put(table, List.copyOf(partitions));
      }
    }

    void skipped(String file, String reason) {
      skippedFiles.add(new SkippedFile(file, reason));
    }

    void warn(String warning) {
      warnings.add(warning);
    }

    CrawlReport build() {
      return new CrawlReport(location, database, databaseCreated, tablesCreated, columnsAdded, partitionsAdded,
          skippedFiles, warnings);
    }
  }
}
