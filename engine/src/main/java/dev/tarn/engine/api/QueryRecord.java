package dev.tarn.engine.api;

import java.time.Instant;

/**
 * One statement's entry in the query history (Athena's {@code QueryExecution}): what ran, how it ended and what
 * it read.
 *
 * @param queryId the UUID the statement got when it started
 * @param query the SQL text as submitted
 * @param ended null while the query runs
 * @param errorCode an {@link dev.tarn.engine.ErrorCode} name, null unless FAILED or CANCELLED
 * @param errorMessage null unless FAILED or CANCELLED
 */
public record QueryRecord(String queryId, QueryState state, String query, Instant started, Instant ended,
    QueryStatistics statistics, String errorCode, String errorMessage) {}
