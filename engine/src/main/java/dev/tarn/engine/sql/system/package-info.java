/**
 * The schemas of the engine's own tables ({@code system.queries}, {@code information_schema.*}) as Calcite sees
 * them; a scan translates to {@link dev.tarn.engine.plan.SystemTableScanNode}, executed by Tarn's own operators,
 * never by Calcite.
 */
package dev.tarn.engine.sql.system;
