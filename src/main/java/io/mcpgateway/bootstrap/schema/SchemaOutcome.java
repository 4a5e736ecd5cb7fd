package io.mcpgateway.bootstrap.schema;

/**
 * What the schema step did.
 *
 * @param before the state found
 * @param version the schema version now current
 * @param migrationsApplied how many migrations ran (a baseline counts as none)
 */
public record SchemaOutcome(SchemaState before, String version, int migrationsApplied) {
}
