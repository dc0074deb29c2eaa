package dev.tarn.engine.exec.scan;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the data files under a table or partition location, as Hive and Athena read them: recursively, skipping
 * hidden and marker files (names starting with {@code _} or {@code .}, such as {@code _SUCCESS}) and empty files.
 * A missing location holds no rows, as in Athena.
 */
public final class DataFiles {

  private DataFiles() {}

  /** The data files under {@code location}; listing failures become IO_ERROR naming the table. */
  public static List<String> list(FileSystem fileSystem, String location, String table) {
    List<String> files = new ArrayList<>();
    for (FileSystem.FileEntry entry : entries(fileSystem, location, table)) {
      files.add(entry.location());
    }
    return files;
  }

  /** The data files under {@code location} with their lengths; listing failures become IO_ERROR naming the table. */
  public static List<FileSystem.FileEntry> entries(FileSystem fileSystem, String location, String table) {
    try {
      return entries(fileSystem, location);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location,
          "Cannot list " + location + " of table " + table + ": " + e.getMessage(), e);
    }
  }

  /** The data files under {@code location} with their lengths and modification times, for callers that cache by file. */
  public static List<FileSystem.FileEntry> entries(FileSystem fileSystem, String location) throws IOException {
    List<FileSystem.FileEntry> files = new ArrayList<>();
    collect(fileSystem, location, files);
    return files;
  }

  private static void collect(FileSystem fileSystem, String location, List<FileSystem.FileEntry> files)
      throws IOException {
    for (FileSystem.FileEntry entry : fileSystem.list(location)) {
      if (entry.name().startsWith("_") || entry.name().startsWith(".")) {
        continue;
      }
      if (entry.directory()) {
        collect(fileSystem, entry.location(), files);
      } else if (entry.length() > 0) {
        files.add(entry);
      }
    }
  }
}
