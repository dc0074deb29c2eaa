package dev.tarn.catalog.crawler;

import java.util.List;

/**
 * How a crawl behaves. {@code exclusions} are glob patterns (Glue's exclude patterns) matched against paths relative
 * to the crawled location, such as {@code "tmp/**"} or {@code "logs/**"}; {@code tableThreshold} fails the crawl
 * when more tables than that are found (0 = no limit), as Glue's {@code TableThreshold}.
 */
public record CrawlOptions(List<String> exclusions, int tableThreshold) {

  public CrawlOptions {
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    if (tableThreshold < 0) {
      throw new IllegalArgumentException("tableThreshold must be 0 (no limit) or positive");
    }
  }

  /** No exclusions and no table limit. */
  public static CrawlOptions defaults() {
    return new CrawlOptions(List.of(), 0);
  }
}
