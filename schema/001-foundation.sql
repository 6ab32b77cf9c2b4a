-- Foundation: people, sign-in sessions, throttling, imports.
-- Every time is UTC.  Every table is InnoDB with a primary key.

CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	email		VARCHAR(254) NOT NULL,
	password_hash	VARCHAR(128) NULL,
	password_temporary TINYINT(1) NOT NULL DEFAULT 0,
	timezone	VARCHAR(64) NULL,
	role		ENUM('admin','teacher','learner') NOT NULL,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY users_email (email),
	KEY users_name (name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE auth_sessions (
	token_hash	CHAR(64) CHARACTER SET ascii NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	csrf_token	CHAR(32) CHARACTER SET ascii NOT NULL,
	flash		VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL,
	last_seen_at	DATETIME NOT NULL,
	PRIMARY KEY (token_hash),
	KEY auth_sessions_user (user_id),
	CONSTRAINT auth_sessions_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_failures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	email		VARCHAR(254) NOT NULL,
	address		VARCHAR(64) NOT NULL,
	failed_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY login_failures_email (email, failed_at),
	KEY login_failures_address (address, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links that let a user choose a password (after an import).
CREATE TABLE user_tokens (
	token_hash	CHAR(64) CHARACTER SET ascii NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	purpose		ENUM('welcome') NOT NULL,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	PRIMARY KEY (token_hash),
	KEY user_tokens_user (user_id),
	CONSTRAINT user_tokens_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An uploaded CSV kept between its preview and its application.
CREATE TABLE csv_imports (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		VARCHAR(32) NOT NULL,
	admin_id	BIGINT UNSIGNED NOT NULL,
	filename	VARCHAR(255) NOT NULL,
	content		MEDIUMBLOB NOT NULL,
	created_at	DATETIME NOT NULL,
	applied_at	DATETIME NULL,
	PRIMARY KEY (id),
	KEY csv_imports_admin (admin_id, created_at),
	CONSTRAINT csv_imports_admin_fk FOREIGN KEY (admin_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
