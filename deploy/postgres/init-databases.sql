-- One database per stateful service (DESIGN.md §5); each service migrates its own with Flyway.
CREATE DATABASE conversation;
CREATE DATABASE outbound;
CREATE DATABASE profile;
CREATE DATABASE account;
CREATE DATABASE insight;
