-- V3: the upstream gateway's unique keys (names as upstream gives them) and the
-- email_teams visibility check, on our schema at V2 (SQLite). Missing key columns are added as nullable.
-- SQLite has no ALTER TABLE ADD CONSTRAINT. Unique keys: CREATE UNIQUE INDEX (partial where upstream's are),
-- which SQLite enforces exactly like a table UNIQUE constraint (that is an automatic index too), so the tables
-- need no rebuild for them. The CHECK can only be had by rebuilding email_teams (SQLite's documented 12-step
-- procedure: new table, copy, drop, rename), which is safe only with foreign keys OFF (else DROP TABLE
-- deletes the rows and ON DELETE CASCADE empties email_team_members): guarded below. sqlite-jdbc leaves
-- foreign_keys off unless asked, and the agent does not ask. Flyway runs this file in one transaction.

-- 0. Guards, before any change: no row may already break a key this adds (the agent names
--    them before it starts Flyway: RAISE can only carry a literal message), and foreign keys must be off for the rebuild.
CREATE TEMP TABLE v3_guard (what TEXT, offenders TEXT);
CREATE TEMP TRIGGER v3_guard_keys BEFORE INSERT ON v3_guard WHEN NEW.what = 'keys' AND NEW.offenders IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'V3 not applied: existing rows already share a key it adds; the agent names them before it starts Flyway'); END;
CREATE TEMP TRIGGER v3_guard_fk BEFORE INSERT ON v3_guard WHEN NEW.what = 'fk' AND NEW.offenders <> '0'
BEGIN SELECT RAISE(ABORT, 'V3 not applied: PRAGMA foreign_keys is on; rebuilding email_teams would cascade'); END;
INSERT INTO v3_guard SELECT 'keys', group_concat(key_name || ' ' || key_value || ' (ids ' || ids || ')', '; ') FROM (
    SELECT 'uq_roles_name_scope_active' AS key_name, name || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, group_concat(id, ',') AS ids FROM roles WHERE is_active = 1 AND name IS NOT NULL AND scope IS NOT NULL GROUP BY name, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_null_active' AS key_name, user_email || '/' || role_id || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, group_concat(id, ',') AS ids FROM user_roles WHERE scope_id IS NULL AND is_active = 1 AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL GROUP BY user_email, role_id, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_id_active' AS key_name, user_email || '/' || role_id || '/' || scope || '/' || scope_id AS key_value, COUNT(*) AS rows_sharing_it, group_concat(id, ',') AS ids FROM user_roles WHERE scope_id IS NOT NULL AND is_active = 1 AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL AND scope_id IS NOT NULL GROUP BY user_email, role_id, scope, scope_id HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_team_owner_name_prompt_local' AS key_name, team_id || '/' || owner_email || '/' || name AS key_value, COUNT(*) AS rows_sharing_it, group_concat(id, ',') AS ids FROM prompts WHERE team_id IS NOT NULL AND owner_email IS NOT NULL AND name IS NOT NULL GROUP BY team_id, owner_email, name HAVING COUNT(*) > 1
    );
INSERT INTO v3_guard SELECT 'fk', CAST(foreign_keys AS TEXT) FROM pragma_foreign_keys;
DROP TABLE v3_guard;

-- 1. email_teams rebuilt with visibility NOT NULL DEFAULT 'private' CHECK (...); rows outside become 'private'
--    (as the bootstrap's normalize step would, but only after migrations, too late for a CHECK).
CREATE TABLE email_teams_v3 (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    description TEXT,
    created_by VARCHAR(255) NOT NULL,
    is_personal BOOLEAN NOT NULL DEFAULT FALSE,
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_email_teams_slug UNIQUE (slug),
    CONSTRAINT ck_email_teams_visibility CHECK (visibility IN ('private', 'public'))
);
INSERT INTO email_teams_v3 (id, name, slug, description, created_by, is_personal, visibility, is_active, created_at, updated_at)
    SELECT id, name, slug, description, created_by, is_personal,
           CASE WHEN visibility IN ('private', 'public') THEN visibility ELSE 'private' END, is_active, created_at,
           CASE WHEN visibility IN ('private', 'public') THEN updated_at ELSE CURRENT_TIMESTAMP END
    FROM email_teams;
DROP TABLE email_teams;
ALTER TABLE email_teams_v3 RENAME TO email_teams;
CREATE INDEX ix_email_teams_created_by ON email_teams (created_by);

-- 2. Columns the keys need, nullable.
ALTER TABLE tools ADD COLUMN gateway_id VARCHAR(36);
ALTER TABLE tools ADD COLUMN original_name VARCHAR(255);
ALTER TABLE resources ADD COLUMN gateway_id VARCHAR(36);
ALTER TABLE resources ADD COLUMN uri VARCHAR(767);
ALTER TABLE prompts ADD COLUMN gateway_id VARCHAR(36);
ALTER TABLE prompts ADD COLUMN original_name VARCHAR(255);
ALTER TABLE a2a_agents ADD COLUMN slug VARCHAR(255);

-- 3. The keys, as unique indexes.
CREATE UNIQUE INDEX uq_gateway_id__original_name ON tools (gateway_id, original_name);
CREATE UNIQUE INDEX uq_team_owner_gateway_uri_resource ON resources (team_id, owner_email, gateway_id, uri);
CREATE UNIQUE INDEX uq_team_owner_uri_resource_local ON resources (team_id, owner_email, uri) WHERE gateway_id IS NULL;
CREATE UNIQUE INDEX uq_gateway_id__original_name_prompt ON prompts (gateway_id, original_name);
CREATE UNIQUE INDEX uq_team_owner_gateway_name_prompt ON prompts (team_id, owner_email, gateway_id, name);
CREATE UNIQUE INDEX uq_team_owner_name_prompt_local ON prompts (team_id, owner_email, name) WHERE gateway_id IS NULL;
CREATE UNIQUE INDEX uq_team_owner_slug_a2a_agents ON a2a_agents (team_id, owner_email, slug);
-- V1's uq_roles_name_scope (name, scope) stays (stricter); the partial one is added for parity with upstream.
CREATE UNIQUE INDEX uq_roles_name_scope_active ON roles (name, scope) WHERE is_active = 1;
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_null_active ON user_roles (user_email, role_id, scope)
    WHERE scope_id IS NULL AND is_active = 1;
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_id_active ON user_roles (user_email, role_id, scope, scope_id)
    WHERE scope_id IS NOT NULL AND is_active = 1;
