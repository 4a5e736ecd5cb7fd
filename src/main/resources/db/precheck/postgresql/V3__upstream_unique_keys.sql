-- Before V3 on the agent's schema at V2 (postgresql): the only keys/check V3 adds that existing rows can
-- already break (the others are on columns V3 adds, NULL everywhere, or already enforced by V1).
-- Read-only. Each row returned names a key, the duplicated key value and the ids sharing it.
-- Team visibility outside (private, public) does not block it: V3 makes such teams private itself,
-- as the bootstrap's normalize step does. The agent runs these before Flyway (MigrationPrecheck).

-- uq_roles_name_scope_active
SELECT 'uq_roles_name_scope_active' AS key_name, name || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM roles WHERE is_active = TRUE AND name IS NOT NULL AND scope IS NOT NULL GROUP BY name, scope HAVING COUNT(*) > 1;

-- uq_user_roles_email_role_scope_null_active
SELECT 'uq_user_roles_email_role_scope_null_active' AS key_name, user_email || '/' || role_id || '/' || scope AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM user_roles WHERE scope_id IS NULL AND is_active = TRUE AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL GROUP BY user_email, role_id, scope HAVING COUNT(*) > 1;

-- uq_user_roles_email_role_scope_id_active
SELECT 'uq_user_roles_email_role_scope_id_active' AS key_name, user_email || '/' || role_id || '/' || scope || '/' || scope_id AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM user_roles WHERE scope_id IS NOT NULL AND is_active = TRUE AND user_email IS NOT NULL AND role_id IS NOT NULL AND scope IS NOT NULL AND scope_id IS NOT NULL GROUP BY user_email, role_id, scope, scope_id HAVING COUNT(*) > 1;

-- uq_team_owner_name_prompt_local
SELECT 'uq_team_owner_name_prompt_local' AS key_name, team_id || '/' || owner_email || '/' || name AS key_value, COUNT(*) AS rows_sharing_it, string_agg(id, ',' ORDER BY id) AS ids FROM prompts WHERE team_id IS NOT NULL AND owner_email IS NOT NULL AND name IS NOT NULL GROUP BY team_id, owner_email, name HAVING COUNT(*) > 1;
