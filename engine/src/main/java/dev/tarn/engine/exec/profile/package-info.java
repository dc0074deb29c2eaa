/**
 * EXPLAIN ANALYZE's runtime profile: when profiling is on, the execution planner wraps each operator in a
 * {@link dev.tarn.engine.exec.profile.ProfilingOperator} recording into an
 * {@link dev.tarn.engine.exec.profile.OperatorProfile} kept per plan node by identity in a
 * {@link dev.tarn.engine.exec.profile.QueryProfile}; the plan itself stays immutable.
 */
package dev.tarn.engine.exec.profile;
