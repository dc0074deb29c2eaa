package dev.tarn.engine.exec.footer;

import dev.tarn.catalog.fs.FileSystem;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a partition's data files by the same rules as the table scan (recursive; names starting with {@code _} or
 * {@code .} and empty files skipped), so a footer answer covers exactly the files a scan would read.
 */
public final class FooterFiles {

  private FooterFiles() {}

  /** The data files under {@code location}, depth first in name order; a missing location has none. */
  public static List<String> list(FileSystem fileSystem, String location, String table) {
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
