-- V3: the upstream gateway's unique keys (names as upstream gives them) and the
-- email_teams visibility check, on our schema at V2. Missing key columns are added as nullable: existing rows
-- get NULL there, which no unique key compares, so only keys on existing columns can already be broken.
-- PostgreSQL runs this file in one transaction (Flyway): all of it or nothing.

-- 0. Guard: refuse before changing anything, naming the rows.
DO $$
DECLARE
    offenders text;
BEGIN
    SELECT string_agg(key_name || ' ' || key_value || ' (ids ' || ids || ')', '; ') INTO offenders FROM (
    SELECT 'uq_roles_name_scope_active' AS key_name, name || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM roles WHERE is_active = TRUE AND name IS NOT NULL AND scope IS NOT NULL GROUP BY name, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_null_active' AS key_name, user_email || '/' || role_id || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM user_roles WHERE scope_id IS NULL AND is_active = TRUE AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL GROUP BY user_email, role_id, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_id_active' AS key_name, user_email || '/' || role_id || '/' || scope || '/' || scope_id AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM user_roles WHERE scope_id IS NOT NULL AND is_active = TRUE AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL AND scope_id IS NOT NULL GROUP BY user_email, role_id, scope, scope_id HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_team_owner_name_prompt_local' AS key_name, team_id || '/' || owner_email || '/' || name AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM prompts WHERE team_id IS NOT NULL AND owner_email IS NOT NULL AND name IS NOT NULL GROUP BY team_id, owner_email, name HAVING COUNT(*) > 1
    ) o;
    IF offenders IS NOT NULL THEN
        RAISE EXCEPTION 'V3 not applied: existing rows already share a key it adds: %', offenders
            USING HINT = 'Resolve those rows (rename a prompt; deactivate the newer duplicate grant or role), then start again.';
    END IF;
END $$;

-- 1. email_teams.visibility as upstream has it. Rows outside (private, public), NULL included, become 'private'
--    first: the bootstrap's normalize step does the same, but only after migrations, too late for a CHECK.
UPDATE email_teams SET visibility = 'private', updated_at = CURRENT_TIMESTAMP
    WHERE visibility IS NULL OR visibility NOT IN ('private', 'public');
ALTER TABLE email_teams ALTER COLUMN visibility SET NOT NULL;
ALTER TABLE email_teams ADD CONSTRAINT ck_email_teams_visibility CHECK (visibility IN ('private', 'public'));

-- 2. Columns the keys need, nullable.
ALTER TABLE tools ADD COLUMN gateway_id VARCHAR(36), ADD COLUMN original_name VARCHAR(255);
ALTER TABLE resources ADD COLUMN gateway_id VARCHAR(36), ADD COLUMN uri VARCHAR(767);
ALTER TABLE prompts ADD COLUMN gateway_id VARCHAR(36), ADD COLUMN original_name VARCHAR(255);
ALTER TABLE a2a_agents ADD COLUMN slug VARCHAR(255);

-- 3. The keys.
ALTER TABLE tools ADD CONSTRAINT uq_gateway_id__original_name UNIQUE (gateway_id, original_name);
ALTER TABLE resources ADD CONSTRAINT uq_team_owner_gateway_uri_resource UNIQUE (team_id, owner_email, gateway_id, uri);
CREATE UNIQUE INDEX uq_team_owner_uri_resource_local ON resources (team_id, owner_email, uri) WHERE gateway_id IS NULL;
ALTER TABLE prompts ADD CONSTRAINT uq_gateway_id__original_name_prompt UNIQUE (gateway_id, original_name);
ALTER TABLE prompts ADD CONSTRAINT uq_team_owner_gateway_name_prompt UNIQUE (team_id, owner_email, gateway_id, name);
CREATE UNIQUE INDEX uq_team_owner_name_prompt_local ON prompts (team_id, owner_email, name) WHERE gateway_id IS NULL;
ALTER TABLE a2a_agents ADD CONSTRAINT uq_team_owner_slug_a2a_agents UNIQUE (team_id, owner_email, slug);
-- V1's uq_roles_name_scope (name, scope) stays: it is stricter than this partial index, which is added for
-- parity with upstream's names (dropping V1's key would need DefaultRoles to look at active roles only).
CREATE UNIQUE INDEX uq_roles_name_scope_active ON roles (name, scope) WHERE is_active = true;
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_null_active ON user_roles (user_email, role_id, scope)
    WHERE scope_id IS NULL AND is_active = true;
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_id_active ON user_roles (user_email, role_id, scope, scope_id)
    WHERE scope_id IS NOT NULL AND is_active = true;
