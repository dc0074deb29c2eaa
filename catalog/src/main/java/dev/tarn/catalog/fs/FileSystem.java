package dev.tarn.catalog.fs;

import java.io.IOException;
import java.util.List;

/**
 * The storage Tarn reads tables from, addressed by location strings (a local path, a {@code file://} URI, later
 * {@code s3://bucket/key}). Implementations: {@link LocalFileSystem}; S3 can follow behind the same contract.
 */
public interface FileSystem {

  /** The entries directly inside a directory location, ordered by name; empty if it does not exist. */
  List<FileEntry> list(String location) throws IOException;

  /** Whether the location exists (file or directory). */
  boolean exists(String location);

  /** Opens a file for positioned reads. */
  InputFile open(String location) throws IOException;

  /** A location inside {@code parent}: {@code parent/child}, with exactly one separator. */
  default String child(String parent, String child) {
    return parent.endsWith("/") ? parent + child : parent + "/" + child;
  }

  /** A file or directory found by {@link #list}. {@code location} is absolute, in this file system's form. */
  record FileEntry(String location, String name, boolean directory, long length, long lastModifiedMillis) {}

  /** A file open for positioned reads; thread-safe for concurrent {@link #readFully} calls. */
  interface InputFile extends AutoCloseable {
    /** The location it was opened from. */
    String location();

    long length() throws IOException;

    /** Reads exactly {@code length} bytes at {@code position} into {@code buffer} at {@code offset}. */
    void readFully(long position, byte[] buffer, int offset, int length) throws IOException;

    @Override
    void close() throws IOException;
  }
}
