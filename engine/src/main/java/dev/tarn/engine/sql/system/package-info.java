/**
 * The {@code system} schema ({@code system.queries}) as Calcite sees it; a scan translates to
 * {@link dev.tarn.engine.plan.SystemTableScanNode}, executed by Tarn's own operators, never by Calcite.
 */
package dev.tarn.engine.sql.system;
