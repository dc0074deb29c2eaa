package dev.tarn.engine.exec.memory;

import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Arrow buffers from the C heap ({@link MemoryUtil#allocateMemory}, i.e. malloc). Netty's pooled allocator, Arrow's
 * default, frees a pool chunk when its usage drops to zero and maps a fresh one for the next batch, so a scan
 * allocating and freeing ~100 KB vectors per batch page-faulted on new memory all the time (a third of the CPU of
 * a scan-heavy query went to the kernel zeroing pages). malloc keeps freed blocks of these sizes for reuse.
 * Arrow 19 no longer ships its own Unsafe allocation manager; this is the same few lines.
 */
public final class MallocAllocationManager extends AllocationManager {

  private static final ArrowBuf EMPTY = new ArrowBuf(ReferenceManager.NO_OP, null, 0, MemoryUtil.allocateMemory(0));

  /** Creates managers for an allocator's configuration ({@code RootAllocator.configBuilder()}). */
  public static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
    @Override
    public AllocationManager create(BufferAllocator accountingAllocator, long size) {
      return new MallocAllocationManager(accountingAllocator, size);
    }

    @Override
    public ArrowBuf empty() {
      return EMPTY;
    }
  };

  private final long address;
  private final long size;

  private MallocAllocationManager(BufferAllocator accountingAllocator, long size) {
    super(accountingAllocator);
    this.address = MemoryUtil.allocateMemory(size);
    this.size = size;
  }

  @Override
  public long getSize() {
    return size;
  }

  @Override
  protected long memoryAddress() {
    return address;
  }

  @Override
  protected void release0() {
    MemoryUtil.freeMemory(address);
  }
}
