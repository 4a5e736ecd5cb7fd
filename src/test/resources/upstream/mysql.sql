-- "Upstream-shaped" database for MariaDB (10.4+; checked on 10.11): the tables the bootstrap touches, with
-- the unique keys, partial unique indexes, checks and NOT NULL-without-default columns of the upstream
-- gateway at Alembic head d8d7939e73e9 (from the facts the project keeps of it: unique keys, partial indexes, NOT NULL columns without defaults).
-- Upstream dropped MySQL/MariaDB in 2026-03; this is our translation.
--
-- PARTIAL UNIQUE INDEXES. MariaDB/MySQL have no `CREATE UNIQUE INDEX ... WHERE cond`. Each one is emulated
-- by a generated column that equals a key column where `cond` is true and is NULL where it is false, and a
-- unique index that puts that generated column in place of the key column. A unique index never compares
-- rows with a NULL in one of its columns, so rows outside `cond` are never in conflict - exactly the partial
-- index's semantics. The generated columns are VIRTUAL (no storage in the row; InnoDB keeps the value in the
-- secondary index) and INVISIBLE (left out of SELECT * and of INSERTs without a column list; MariaDB 10.3+,
-- MySQL 8.0.23+ has the same keyword). They inherit the table's collation, so they compare like the column.
--   roles.name_if_active              = IF(is_active, name, NULL)                         -> uq_roles_name_scope_active
--   user_roles.role_id_if_global_active = IF(scope_id IS NULL AND is_active, role_id, NULL) -> uq_user_roles_email_role_scope_null_active
--   user_roles.scope_id_if_active     = IF(is_active, scope_id, NULL)                      -> uq_user_roles_email_role_scope_id_active
--   resources.uri_if_local            = IF(gateway_id IS NULL, uri, NULL)                  -> uq_team_owner_uri_resource_local
--   prompts.name_if_local             = IF(gateway_id IS NULL, name, NULL)                 -> uq_team_owner_name_prompt_local
-- A query that wants such an index for a lookup must name the generated column (MariaDB 10.11 does not
-- rewrite `gateway_id IS NULL AND uri = ?` into `uri_if_local = ?`).
--
-- LONG KEYS. utf8mb4 takes 4 bytes a character; InnoDB's key limit is 3072 bytes. The two resources keys
-- (36 + 255 + 36 + 767 characters) do not fit, and MariaDB 10.4+ then builds them as long unique keys
-- (`USING HASH`: a hidden hash column, checked on every write; collation-aware: 'A' and 'a ' still collide
-- with 'a' under utf8mb4_unicode_ci). The optimizer cannot use such a key for lookups, so resources gets a
-- plain B-tree for such look-ups (the agent's own V3 adds one; this upstream-shaped schema has none).
-- MySQL 8 has no long unique keys: there uri would have to be shorter (<= 441 characters) or hashed by hand.
--
-- Collation note: utf8mb4_unicode_ci is case- and trailing-space-insensitive, so these keys are stricter
-- than the PostgreSQL/SQLite ones (which compare bytes): 'Doc' and 'doc' collide here only.

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO alembic_version (version_num) VALUES ('d8d7939e73e9');

CREATE TABLE email_users (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    password_hash_type VARCHAR(20) NOT NULL DEFAULT 'argon2id',
    full_name VARCHAR(255),
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    email_verified_at DATETIME(6) NULL,
    auth_provider VARCHAR(50) NOT NULL DEFAULT 'local',
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_email_users_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE email_teams (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    description TEXT,
    created_by VARCHAR(255) NOT NULL,
    is_personal BOOLEAN NOT NULL DEFAULT FALSE,
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,                     -- no server default upstream
    updated_at DATETIME(6) NOT NULL,                     -- no server default upstream
    CONSTRAINT uq_email_teams_slug UNIQUE (slug),
    CONSTRAINT ck_email_teams_visibility CHECK (visibility IN ('private', 'public'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_email_teams_created_by ON email_teams (created_by);

CREATE TABLE email_team_members (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    team_id VARCHAR(36) NOT NULL,
    user_email VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL DEFAULT 'member',
    joined_at DATETIME(6) NOT NULL,                      -- no server default upstream
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_team_member UNIQUE (team_id, user_email),
    CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES email_teams (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    scope VARCHAR(20) NOT NULL,
    permissions JSON NOT NULL,                           -- MariaDB: LONGTEXT with a JSON_VALID check
    created_by VARCHAR(255) NOT NULL,
    is_system_role BOOLEAN NOT NULL,                     -- no server default upstream
    is_active BOOLEAN NOT NULL,                          -- no server default upstream
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    -- partial index emulation: uq_roles_name_scope_active ON (name, scope) WHERE is_active = true
    name_if_active VARCHAR(255) AS (IF(is_active, name, NULL)) VIRTUAL INVISIBLE,
    CONSTRAINT uq_roles_name_scope_active UNIQUE (name_if_active, scope)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_email VARCHAR(255) NOT NULL,
    role_id VARCHAR(36) NOT NULL,
    scope VARCHAR(20) NOT NULL,
    scope_id VARCHAR(36),
    granted_by VARCHAR(255) NOT NULL,
    granted_at DATETIME(6) NOT NULL,                     -- no server default upstream
    expires_at DATETIME(6) NULL,
    is_active BOOLEAN NOT NULL,                          -- no server default upstream
    -- partial: (user_email, role_id, scope) WHERE scope_id IS NULL AND is_active = true
    role_id_if_global_active VARCHAR(36) AS (IF(scope_id IS NULL AND is_active, role_id, NULL)) VIRTUAL INVISIBLE,
    -- partial: (user_email, role_id, scope, scope_id) WHERE scope_id IS NOT NULL AND is_active = true
    -- (scope_id is already NULL where scope_id IS NOT NULL is false)
    scope_id_if_active VARCHAR(36) AS (IF(is_active, scope_id, NULL)) VIRTUAL INVISIBLE,
    CONSTRAINT uq_user_roles_email_role_scope_null_active UNIQUE (user_email, role_id_if_global_active, scope),
    CONSTRAINT uq_user_roles_email_role_scope_id_active UNIQUE (user_email, role_id, scope, scope_id_if_active),
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_user_roles_user_email ON user_roles (user_email);

CREATE TABLE servers (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_servers_team_id ON servers (team_id);

CREATE TABLE tools (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    original_name VARCHAR(255),
    display_name VARCHAR(255),
    gateway_id VARCHAR(36),
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_gateway_id__original_name UNIQUE (gateway_id, original_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_tools_team_id ON tools (team_id);

CREATE TABLE resources (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    uri VARCHAR(767),
    gateway_id VARCHAR(36),
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),                              -- not NOT NULL in the reference's list
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- partial index emulation: uq_team_owner_uri_resource_local ON (team_id, owner_email, uri) WHERE gateway_id IS NULL
    uri_if_local VARCHAR(767) AS (IF(gateway_id IS NULL, uri, NULL)) VIRTUAL INVISIBLE,
    CONSTRAINT uq_team_owner_gateway_uri_resource UNIQUE (team_id, owner_email, gateway_id, uri) USING HASH,
    CONSTRAINT uq_team_owner_uri_resource_local UNIQUE (team_id, owner_email, uri_if_local) USING HASH
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_resources_team_id ON resources (team_id);

CREATE TABLE prompts (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    original_name VARCHAR(255),
    custom_name VARCHAR(255),
    gateway_id VARCHAR(36),
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),                              -- not NOT NULL in the reference's list
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- partial index emulation: uq_team_owner_name_prompt_local ON (team_id, owner_email, name) WHERE gateway_id IS NULL
    name_if_local VARCHAR(255) AS (IF(gateway_id IS NULL, name, NULL)) VIRTUAL INVISIBLE,
    CONSTRAINT uq_gateway_id__original_name_prompt UNIQUE (gateway_id, original_name),
    CONSTRAINT uq_team_owner_gateway_name_prompt UNIQUE (team_id, owner_email, gateway_id, name),
    CONSTRAINT uq_team_owner_name_prompt_local UNIQUE (team_id, owner_email, name_if_local)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_prompts_team_id ON prompts (team_id);

CREATE TABLE gateways (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255),
    oauth_config TEXT,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gateways_team_id ON gateways (team_id);

CREATE TABLE a2a_agents (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255),
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_team_owner_slug_a2a_agents UNIQUE (team_id, owner_email, slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_a2a_agents_team_id ON a2a_agents (team_id);
