/**
 * What metadata reports about the warehouse, shared by every surface that reports it (the JDBC driver's
 * DatabaseMetaData, the server's Flight SQL catalog commands, {@code information_schema}): name patterns, table
 * types and the relation listing. No Calcite here: it is read from the catalog store and the system tables'
 * definitions.
 */
package dev.tarn.engine.api.metadata;
