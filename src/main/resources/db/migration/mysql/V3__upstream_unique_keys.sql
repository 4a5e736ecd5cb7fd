-- V3: the upstream gateway's unique keys (names as upstream gives them) and the
-- email_teams visibility check, on our schema at V2 (MariaDB 10.4+). Missing key columns are added as nullable.
-- MariaDB commits every DDL statement on its own: a failure half-way leaves the earlier statements applied and
-- Flyway's history row failed. Hence (a) the guard runs first and changes nothing, (b) one ALTER TABLE per
-- table (each atomic), (c) IF NOT EXISTS everywhere, so that after `flyway repair` a second run completes.
-- MariaDB has no partial indexes: each is emulated by an INVISIBLE VIRTUAL generated column that holds the key
-- column where the condition is true and NULL where it is false, under a unique key (a unique key never compares
-- NULLs, so rows outside the condition never collide).

-- 0. Guard: refuse before changing anything, naming the rows.
DELIMITER //
BEGIN NOT ATOMIC
    DECLARE offenders TEXT;
    SELECT GROUP_CONCAT(CONCAT(key_name, ' ', key_value, ' (ids ', ids, ')') SEPARATOR '; ') INTO offenders FROM (
    SELECT 'uq_roles_name_scope_active' AS key_name, CONCAT_WS('/', name, scope) AS key_value, COUNT(*) AS rows_sharing_it, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') AS ids FROM roles WHERE is_active <> 0 AND name IS NOT NULL AND scope IS NOT NULL GROUP BY name, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_null_active' AS key_name, CONCAT_WS('/', user_email, role_id, scope) AS key_value, COUNT(*) AS rows_sharing_it, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') AS ids FROM user_roles WHERE scope_id IS NULL AND is_active <> 0 AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL GROUP BY user_email, role_id, scope HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_user_roles_email_role_scope_id_active' AS key_name, CONCAT_WS('/', user_email, role_id, scope, scope_id) AS key_value, COUNT(*) AS rows_sharing_it, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') AS ids FROM user_roles WHERE scope_id IS NOT NULL AND is_active <> 0 AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL AND scope_id IS NOT NULL GROUP BY user_email, role_id, scope, scope_id HAVING COUNT(*) > 1
    UNION ALL SELECT 'uq_team_owner_name_prompt_local' AS key_name, CONCAT_WS('/', team_id, owner_email, name) AS key_value, COUNT(*) AS rows_sharing_it, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') AS ids FROM prompts WHERE team_id IS NOT NULL AND owner_email IS NOT NULL AND name IS NOT NULL GROUP BY team_id, owner_email, name HAVING COUNT(*) > 1
    ) o;
    IF offenders IS NOT NULL THEN
        SET offenders = LEFT(CONCAT('V3 not applied: existing rows already share a key it adds: ', offenders), 500);
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = offenders;
    END IF;
END //
DELIMITER ;

-- 1. email_teams.visibility as upstream has it; rows outside (private, public), NULL included, become 'private'
--    first (the bootstrap's normalize step does the same, but only after migrations, too late for a CHECK).
UPDATE email_teams SET visibility = 'private', updated_at = CURRENT_TIMESTAMP(6)
    WHERE visibility IS NULL OR visibility NOT IN ('private', 'public');
ALTER TABLE email_teams
    MODIFY visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    ADD CONSTRAINT IF NOT EXISTS ck_email_teams_visibility CHECK (visibility IN ('private', 'public'));

-- 2./3. Columns (nullable) and keys, one statement per table.
ALTER TABLE tools
    ADD COLUMN IF NOT EXISTS gateway_id VARCHAR(36),
    ADD COLUMN IF NOT EXISTS original_name VARCHAR(255),
    ADD UNIQUE KEY IF NOT EXISTS uq_gateway_id__original_name (gateway_id, original_name);
-- resources: 36 + 255 + 36 + 767 characters of utf8mb4 exceed InnoDB's 3072-byte key: long unique keys (HASH),
-- which look-ups cannot use, hence the B-tree ix_resources_uri_gateway for the orphan step's count.
ALTER TABLE resources
    ADD COLUMN IF NOT EXISTS gateway_id VARCHAR(36),
    ADD COLUMN IF NOT EXISTS uri VARCHAR(767),
    ADD COLUMN IF NOT EXISTS uri_if_local VARCHAR(767) AS (IF(gateway_id IS NULL, uri, NULL)) VIRTUAL INVISIBLE,
    ADD UNIQUE KEY IF NOT EXISTS uq_team_owner_gateway_uri_resource (team_id, owner_email, gateway_id, uri) USING HASH,
    ADD UNIQUE KEY IF NOT EXISTS uq_team_owner_uri_resource_local (team_id, owner_email, uri_if_local) USING HASH,
    ADD KEY IF NOT EXISTS ix_resources_uri_gateway (uri(255), gateway_id);
ALTER TABLE prompts
    ADD COLUMN IF NOT EXISTS gateway_id VARCHAR(36),
    ADD COLUMN IF NOT EXISTS original_name VARCHAR(255),
    ADD COLUMN IF NOT EXISTS name_if_local VARCHAR(255) AS (IF(gateway_id IS NULL, name, NULL)) VIRTUAL INVISIBLE,
    ADD UNIQUE KEY IF NOT EXISTS uq_gateway_id__original_name_prompt (gateway_id, original_name),
    ADD UNIQUE KEY IF NOT EXISTS uq_team_owner_gateway_name_prompt (team_id, owner_email, gateway_id, name),
    ADD UNIQUE KEY IF NOT EXISTS uq_team_owner_name_prompt_local (team_id, owner_email, name_if_local);
ALTER TABLE a2a_agents
    ADD COLUMN IF NOT EXISTS slug VARCHAR(255),
    ADD UNIQUE KEY IF NOT EXISTS uq_team_owner_slug_a2a_agents (team_id, owner_email, slug);
-- V1's uq_roles_name_scope (name, scope) stays (stricter); the partial one is added for parity with upstream.
ALTER TABLE roles
    ADD COLUMN IF NOT EXISTS name_if_active VARCHAR(255) AS (IF(is_active, name, NULL)) VIRTUAL INVISIBLE,
    ADD UNIQUE KEY IF NOT EXISTS uq_roles_name_scope_active (name_if_active, scope);
ALTER TABLE user_roles
    ADD COLUMN IF NOT EXISTS role_id_if_global_active VARCHAR(36) AS (IF(scope_id IS NULL AND is_active, role_id, NULL)) VIRTUAL INVISIBLE,
    ADD COLUMN IF NOT EXISTS scope_id_if_active VARCHAR(36) AS (IF(is_active, scope_id, NULL)) VIRTUAL INVISIBLE,
    ADD UNIQUE KEY IF NOT EXISTS uq_user_roles_email_role_scope_null_active (user_email, role_id_if_global_active, scope),
    ADD UNIQUE KEY IF NOT EXISTS uq_user_roles_email_role_scope_id_active (user_email, role_id, scope, scope_id_if_active);
