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
final class DataFiles {

  private DataFiles() {}

  static List<String> list(FileSystem fileSystem, String location, String table) {
    List<String> files = new ArrayList<>();
    try {
      collect(fileSystem, location, files);
    } catch (IOException e) {
      throw new TarnException(ErrorCode.IO_ERROR, location,
          "Cannot list " + location + " of table " + table + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static void collect(FileSystem fileSystem, String location, List<String> files) throws IOException {
    for (FileSystem.FileEntry entry : fileSystem.list(location)) {
      if (entry.name().startsWith("_") || entry.name().startsWith(".")) {
        continue;
      }
      if (entry.directory()) {
        collect(fileSystem, entry.location(), files);
      } else if (entry.length() > 0) {
        files.add(entry.location());
      }
    }
  }
}
