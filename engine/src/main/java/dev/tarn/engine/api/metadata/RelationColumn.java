package dev.tarn.engine.api.metadata;

/**
 * A column of a {@link Relation} as SQL sees it: its name, Hive type ({@code decimal(15,2)}), comment (null if
 * none), 1-based position (data columns first, then partition keys) and whether it is a partition key.
 */
public record RelationColumn(String name, String type, String comment, int ordinal, boolean partitionKey) {}
