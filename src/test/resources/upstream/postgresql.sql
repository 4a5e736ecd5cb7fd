-- "Upstream-shaped" database for PostgreSQL: the tables the bootstrap touches, with the unique keys,
-- partial unique indexes, checks and NOT NULL-without-default columns of the upstream gateway at Alembic
-- head d8d7939e73e9 (from the facts the project keeps of it: unique keys, partial indexes, NOT NULL columns without defaults). Not a full copy of upstream:
-- only the columns the bootstrap touches (as in our V1/V2) plus the ones the keys need.
-- Index names: as the reference gives them; where it gives none (user_roles' two partial indexes, the
-- email_teams check) the names are ours (the user_roles ones are those upstream used in one of its migrations).

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version (version_num) VALUES ('d8d7939e73e9');

CREATE TABLE email_users (
    id VARCHAR(36) NOT NULL PRIMARY KEY,                 -- 36-character UUID text
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    password_hash_type VARCHAR(20) NOT NULL DEFAULT 'argon2id',
    full_name VARCHAR(255),
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    email_verified_at TIMESTAMPTZ NULL,
    auth_provider VARCHAR(50) NOT NULL DEFAULT 'local',
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_email_users_email UNIQUE (email)
);

CREATE TABLE email_teams (
    id VARCHAR(36) NOT NULL PRIMARY KEY,                 -- 32 hex characters
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    description TEXT,
    created_by VARCHAR(255) NOT NULL,
    is_personal BOOLEAN NOT NULL DEFAULT FALSE,
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,                     -- no server default upstream
    updated_at TIMESTAMPTZ NOT NULL,                     -- no server default upstream
    CONSTRAINT uq_email_teams_slug UNIQUE (slug),
    CONSTRAINT ck_email_teams_visibility CHECK (visibility IN ('private', 'public'))
);
CREATE INDEX ix_email_teams_created_by ON email_teams (created_by);

CREATE TABLE email_team_members (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    team_id VARCHAR(36) NOT NULL,
    user_email VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL DEFAULT 'member',
    joined_at TIMESTAMPTZ NOT NULL,                      -- no server default upstream
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_team_member UNIQUE (team_id, user_email),
    CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES email_teams (id) ON DELETE CASCADE
);

CREATE TABLE roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    scope VARCHAR(20) NOT NULL,
    permissions JSON NOT NULL,
    created_by VARCHAR(255) NOT NULL,
    is_system_role BOOLEAN NOT NULL,                     -- no server default upstream
    is_active BOOLEAN NOT NULL,                          -- no server default upstream
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX uq_roles_name_scope_active ON roles (name, scope) WHERE is_active = true;

CREATE TABLE user_roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_email VARCHAR(255) NOT NULL,
    role_id VARCHAR(36) NOT NULL,
    scope VARCHAR(20) NOT NULL,
    scope_id VARCHAR(36),
    granted_by VARCHAR(255) NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,                     -- no server default upstream
    expires_at TIMESTAMPTZ NULL,
    is_active BOOLEAN NOT NULL,                          -- no server default upstream
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_roles_user_email ON user_roles (user_email);
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_null_active ON user_roles (user_email, role_id, scope)
    WHERE scope_id IS NULL AND is_active = true;
CREATE UNIQUE INDEX uq_user_roles_email_role_scope_id_active ON user_roles (user_email, role_id, scope, scope_id)
    WHERE scope_id IS NOT NULL AND is_active = true;

-- Resource tables. ix_<table>_team_id are ours (V1); upstream indexes team_id as well.
CREATE TABLE servers (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
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
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_gateway_id__original_name UNIQUE (gateway_id, original_name)
);
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
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_team_owner_gateway_uri_resource UNIQUE (team_id, owner_email, gateway_id, uri)
);
CREATE UNIQUE INDEX uq_team_owner_uri_resource_local ON resources (team_id, owner_email, uri) WHERE gateway_id IS NULL;
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
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_gateway_id__original_name_prompt UNIQUE (gateway_id, original_name),
    CONSTRAINT uq_team_owner_gateway_name_prompt UNIQUE (team_id, owner_email, gateway_id, name)
);
CREATE UNIQUE INDEX uq_team_owner_name_prompt_local ON prompts (team_id, owner_email, name) WHERE gateway_id IS NULL;
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
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_gateways_team_id ON gateways (team_id);

CREATE TABLE a2a_agents (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255),
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20) NOT NULL DEFAULT 'private',
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_team_owner_slug_a2a_agents UNIQUE (team_id, owner_email, slug)
);
CREATE INDEX ix_a2a_agents_team_id ON a2a_agents (team_id);
