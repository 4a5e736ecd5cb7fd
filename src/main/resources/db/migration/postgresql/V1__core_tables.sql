-- The gateway's core tables as the reference bootstrap touches them (PostgreSQL).
CREATE TABLE email_users (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    password_hash_type VARCHAR(20) NOT NULL DEFAULT 'bcrypt',
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
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    description TEXT,
    created_by VARCHAR(255) NOT NULL,
    is_personal BOOLEAN NOT NULL DEFAULT FALSE,
    visibility VARCHAR(20) DEFAULT 'private',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_email_teams_slug UNIQUE (slug)
);
CREATE INDEX ix_email_teams_created_by ON email_teams (created_by);

CREATE TABLE email_team_members (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    team_id VARCHAR(36) NOT NULL,
    user_email VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL DEFAULT 'member',
    joined_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_team_member UNIQUE (team_id, user_email),
    CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES email_teams (id) ON DELETE CASCADE
);

CREATE TABLE roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    scope VARCHAR(20) NOT NULL,
    permissions TEXT NOT NULL,
    created_by VARCHAR(255) NOT NULL,
    is_system_role BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_roles_name_scope UNIQUE (name, scope)
);

CREATE TABLE user_roles (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_email VARCHAR(255) NOT NULL,
    role_id VARCHAR(36) NOT NULL,
    scope VARCHAR(20) NOT NULL,
    scope_id VARCHAR(36),
    granted_by VARCHAR(255) NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMPTZ NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_roles_user_email ON user_roles (user_email);

CREATE TABLE servers (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_servers_team_id ON servers (team_id);

CREATE TABLE tools (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_tools_team_id ON tools (team_id);

CREATE TABLE resources (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_resources_team_id ON resources (team_id);

CREATE TABLE prompts (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_prompts_team_id ON prompts (team_id);

CREATE TABLE gateways (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_gateways_team_id ON gateways (team_id);

CREATE TABLE a2a_agents (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    team_id VARCHAR(36),
    owner_email VARCHAR(255),
    visibility VARCHAR(20),
    federation_source VARCHAR(255),
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_a2a_agents_team_id ON a2a_agents (team_id);
