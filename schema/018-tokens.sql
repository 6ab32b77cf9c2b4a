-- Tokens: a balance for the school and for each learner, and the ledger
-- of every change.  A balance changes only together with its ledger row
-- (one transaction), and never below zero: the UPDATE that changes it
-- carries the condition, and the CHECK is the last guard.  A ledger row
-- names what caused it: an administrator's grant or deduction (with the
-- reason they wrote) or a group live lesson (session_id).  A lesson
-- touches an account at most once (live_once), so saving a lesson's
-- attendance twice never charges twice; a learner whose balance was too
-- low gets a row of 0 tokens marked unpaid instead of a charge.
CREATE TABLE token_accounts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	kind		ENUM('school','learner') NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	balance		BIGINT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY token_accounts_user (user_id),
	CONSTRAINT token_accounts_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id),
	CONSTRAINT token_accounts_balance CHECK (balance >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The school's own account is row 1.
INSERT IGNORE INTO token_accounts (id, kind, user_id, balance, created_at,
    updated_at) VALUES (1, 'school', NULL, 0, UTC_TIMESTAMP(),
    UTC_TIMESTAMP());

CREATE TABLE token_ledger (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	account_id	BIGINT UNSIGNED NOT NULL,
	amount		BIGINT NOT NULL,
	balance_after	BIGINT NOT NULL,
	reason		ENUM('grant','deduct','group_lesson','unpaid')
			    NOT NULL,
	note		VARCHAR(200) NULL,
	session_id	BIGINT UNSIGNED NULL,
	user_id		BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY token_ledger_account (account_id, id),
	UNIQUE KEY token_ledger_live_once (session_id, account_id),
	CONSTRAINT token_ledger_account_fk FOREIGN KEY (account_id)
	    REFERENCES token_accounts (id),
	CONSTRAINT token_ledger_session_fk FOREIGN KEY (session_id)
	    REFERENCES live_sessions (id),
	CONSTRAINT token_ledger_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What each learner present at a group live lesson pays (0: free).
ALTER TABLE live_sessions
	ADD COLUMN token_cost INT UNSIGNED NOT NULL DEFAULT 0 AFTER duration_min;
