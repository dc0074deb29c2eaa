package dev.tarn.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resources shared by key and counted by reference: the first {@link #acquire} opens one, the last
 * {@link Lease#close} closes it. The driver keeps one engine per warehouse this way, because an engine owns the
 * warehouse's catalog store and root allocator and must not be opened twice in a JVM.
 */
final class SharedResources<K, R extends AutoCloseable> {

  private final Map<K, Shared<R>> resources = new HashMap<>();

  /** The resource for {@code key}, opened with {@code opener} if no lease holds it. */
  synchronized Lease<R> acquire(K key, Supplier<R> opener) {
    Shared<R> shared = resources.get(key);
    if (shared == null) {
      shared = new Shared<>(opener.get());
      resources.put(key, shared);
    }
    shared.references++;
    return new Lease<>(this, key, shared.resource);
  }

  /** How many open leases hold the resource for {@code key}. */
  synchronized int references(K key) {
    Shared<R> shared = resources.get(key);
    return shared == null ? 0 : shared.references;
  }

  private synchronized void release(K key) throws Exception {
    Shared<R> shared = resources.get(key);
    if (shared != null && --shared.references == 0) {
      resources.remove(key);
      shared.resource.close();
    }
  }

  private static final class Shared<R> {
    final R resource;
    int references;

    Shared(R resource) {
      this.resource = resource;
    }
  }

  /** One holder's claim on a shared resource; closing it more than once has no effect. */
  static final class Lease<R extends AutoCloseable> implements AutoCloseable {
    private final SharedResources<?, R> owner;
    private final Object key;
    private final R resource;
    private boolean released;

    private Lease(SharedResources<?, R> owner, Object key, R resource) {
      this.owner = owner;
      this.key = key;
      this.resource = resource;
    }

    R resource() {
      return resource;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized void close() throws Exception {
      if (!released) {
        released = true;
        ((SharedResources) owner).release(key);
      }
    }
  }
}
