package dev.tarn.engine.plan;

/** Which input of a join is buffered (and hashed); the other one is streamed batch by batch. */
public enum BuildSide {
  LEFT, RIGHT
}
