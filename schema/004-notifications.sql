-- Notifications: in-app notifications, the email outbox and the
-- private calendar feed tokens.  Rows of notifications and outbox are
-- written in the same transaction as the change that causes them.

-- In-app ("system") notifications, newest first per user.
CREATE TABLE notifications (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(40) NOT NULL,
	subject		VARCHAR(200) NOT NULL,
	body		TEXT NOT NULL,
	link		VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL,
	read_at		DATETIME NULL,
	PRIMARY KEY (id),
	KEY notifications_user (user_id, id),
	KEY notifications_unread (user_id, read_at),
	CONSTRAINT notifications_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Email waiting for the worker.  A message is claimed (status
-- 'sending', claimed_by, claimed_at) before delivery and marked 'sent'
-- after; a claim older than the lease goes back to the queue.
-- dedupe_key makes a message that must exist once (a reminder) unique.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	user_id		BIGINT UNSIGNED NULL,
	to_address	VARCHAR(254) NOT NULL,
	to_name		VARCHAR(200) NOT NULL DEFAULT '',
	kind		VARCHAR(40) NOT NULL,
	subject		VARCHAR(200) NOT NULL,
	body		TEXT NOT NULL,
	dedupe_key	VARCHAR(120) NULL,
	status		ENUM('pending','sending','sent','failed') NOT NULL
			    DEFAULT 'pending',
	attempts	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at	DATETIME NOT NULL,
	claimed_by	VARCHAR(64) NULL,
	claimed_at	DATETIME NULL,
	last_error	VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL,
	sent_at		DATETIME NULL,
	PRIMARY KEY (id),
	UNIQUE KEY outbox_dedupe (dedupe_key),
	KEY outbox_due (status, next_attempt_at, id),
	CONSTRAINT outbox_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One private calendar feed address per user; only the SHA-256 of its
-- token is kept.  Revoking deletes the row; a new token replaces it.
CREATE TABLE calendar_tokens (
	user_id		BIGINT UNSIGNED NOT NULL,
	token_hash	BINARY(32) NOT NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (user_id),
	UNIQUE KEY calendar_tokens_hash (token_hash),
	CONSTRAINT calendar_tokens_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
