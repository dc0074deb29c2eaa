package dev.tarn.catalog.fs;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Local files, addressed by plain paths or {@code file:} URIs; locations it returns are plain absolute paths. */
public final class LocalFileSystem implements FileSystem {

  public static final LocalFileSystem INSTANCE = new LocalFileSystem();

  /** The local path of a location: a plain path or a {@code file:} URI ({@code file:///x}, {@code file:/x}). */
  public static Path toPath(String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location.replace(" ", "%20"))).toAbsolutePath().normalize();
    }
    return Path.of(location).toAbsolutePath().normalize();
  }

  @Override
  public List<FileEntry> list(String location) throws IOException {
    Path dir = toPath(location);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<FileEntry> entries = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(child, BasicFileAttributes.class);
        } catch (NoSuchFileException vanished) {
          continue;
        }
        entries.add(new FileEntry(child.toString(), child.getFileName().toString(), attributes.isDirectory(),
            attributes.isDirectory() ? 0 : attributes.size(), attributes.lastModifiedTime().toMillis()));
      }
    }
    entries.sort(Comparator.comparing(FileEntry::name));
    return entries;
  }

  @Override
  public boolean exists(String location) {
    return Files.exists(toPath(location));
  }

  @Override
  public InputFile open(String location) throws IOException {
    Path path = toPath(location);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    return new LocalInputFile(path.toString(), channel);
  }

  private record LocalInputFile(String location, FileChannel channel) implements InputFile {
    @Override
    public long length() throws IOException {
      return channel.size();
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
      ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
      long at = position;
      while (target.hasRemaining()) {
        int read = channel.read(target, at);
        if (read < 0) {
          throw new EOFException("Unexpected end of file " + location + " at byte " + at);
        }
        at += read;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
