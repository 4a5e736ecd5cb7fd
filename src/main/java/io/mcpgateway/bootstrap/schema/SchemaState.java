package io.mcpgateway.bootstrap.schema;

/** What the migrator found before it changed anything. */
public enum SchemaState {
  /** No tables at all: apply every migration. */
  EMPTY,
  /** Tables of the newest version but no schema history (made by an older tool): baseline at the newest version. */
  CURRENT_UNVERSIONED,
  /** A Flyway schema history exists: migrate what is pending. */
  VERSIONED,
  /** Tables without history that are not the newest schema: change nothing and stop. */
  UNKNOWN
}
