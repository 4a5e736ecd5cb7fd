-- The columns whose presence tells an unversioned database is current (see CurrentSchema).
ALTER TABLE tools ADD COLUMN display_name VARCHAR(255);
ALTER TABLE gateways ADD COLUMN oauth_config TEXT;
ALTER TABLE prompts ADD COLUMN custom_name VARCHAR(255);
