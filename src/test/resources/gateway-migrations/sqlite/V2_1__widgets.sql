-- A gateway's own table, built on the bundled schema at version 2.
CREATE TABLE widgets (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    colour VARCHAR(20) NOT NULL,
    owner_email VARCHAR(255)
);
