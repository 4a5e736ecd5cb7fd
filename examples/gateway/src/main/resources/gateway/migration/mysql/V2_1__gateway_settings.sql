-- The example gateway's own table, built on the agent's bundled schema at version 2: its version
-- is a sub-version of the bundled one it follows, so the agent's later versions (3, 4, ...) sort after it.
CREATE TABLE gateway_settings (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL,
    updated_by VARCHAR(255),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
