package dev.tarn.engine.parquet;

import dev.tarn.catalog.fs.FileSystem;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** An input file that adds every byte it reads to a counter, so {@code bytesScanned} is what was really read. */
final class CountingInputFile implements FileSystem.InputFile {

  private final FileSystem.InputFile delegate;
  private final AtomicLong bytesRead;

  CountingInputFile(FileSystem.InputFile delegate, AtomicLong bytesRead) {
    this.delegate = delegate;
    this.bytesRead = bytesRead;
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public long length() throws IOException {
    return delegate.length();
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
    delegate.readFully(position, buffer, offset, length);
    bytesRead.addAndGet(length);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
