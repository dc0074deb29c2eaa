package dev.tarn.catalog.crawler;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.catalog.fs.FileSystem.FileEntry;
import dev.tarn.catalog.store.CatalogException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a dataset folder and lists its data files with the folder names between the dataset and the file (the
 * partition path). Hidden entries ({@code _SUCCESS}, {@code .crc}, {@code _temporary/}), empty files and excluded
 * paths are left out, as Hive and Glue do.
 */
final class DatasetScanner {

  /** A data file and the folders between its dataset folder and itself. */
  record DataFile(String location, List<String> folders, long length) {}

  private final FileSystem fileSystem;
  private final List<PathMatcher> exclusions;

  DatasetScanner(FileSystem fileSystem, List<String> exclusionGlobs) {
    this.fileSystem = fileSystem;
    this.exclusions = exclusionGlobs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
  }

  /** Whether a file or folder name is hidden from crawls and scans. */
  static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /** The visible entries of a folder, excluding paths that match an exclusion ({@code relative} is the folder's path). */
  List<FileEntry> visibleEntries(String folder, String relative) {
    try {
      List<FileEntry> visible = new ArrayList<>();
      for (FileEntry entry : fileSystem.list(folder)) {
        String path = relative.isEmpty() ? entry.name() : relative + "/" + entry.name();
        if (!isHidden(entry.name()) && !isExcluded(path) && (entry.directory() || entry.length() > 0)) {
          visible.add(entry);
        }
      }
      return visible;
    } catch (IOException e) {
      throw new CatalogException(CatalogException.Code.IO_FAILURE, folder, "Cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Every visible data file under {@code datasetFolder}; {@code relative} is its path below the crawl location. */
  List<DataFile> scan(String datasetFolder, String relative) {
    List<DataFile> files = new ArrayList<>();
    walk(datasetFolder, relative, List.of(), files);
    return files;
  }

  private void walk(String folder, String relative, List<String> folders, List<DataFile> files) {
    for (FileEntry entry : visibleEntries(folder, relative)) {
      String location = fileSystem.child(folder, entry.name());
      String path = relative.isEmpty() ? entry.name() : relative + "/" + entry.name();
      if (entry.directory()) {
        List<String> deeper = new ArrayList<>(folders);
        deeper.add(entry.name());
        walk(location, path, List.copyOf(deeper), files);
      } else {
        files.add(new DataFile(location, folders, entry.length()));
      }
    }
  }

  private boolean isExcluded(String relativePath) {
    Path path = Path.of(relativePath);
    return exclusions.stream().anyMatch(matcher -> matcher.matches(path));
  }
}
