package dev.tarn.engine.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one query's work, updated by operators from any thread. */
public final class QueryStats {
  public final AtomicLong bytesScanned = new AtomicLong();
  public final AtomicLong partitionsScanned = new AtomicLong();
  public final AtomicLong partitionsTotal = new AtomicLong();
  public final AtomicLong filesScanned = new AtomicLong();
  public final AtomicLong filesTotal = new AtomicLong();
  public final AtomicLong rowGroupsScanned = new AtomicLong();
  public final AtomicLong rowGroupsTotal = new AtomicLong();
  public final AtomicLong rowsScanned = new AtomicLong();
}
