-- Teacher feedback after a live lesson: per learner of a completed
-- lesson, scores from 1 to 5 for seven skills (each optional) and a
-- comment of at most 1024 characters.  Feedback waits for verification
-- on the teacher's Homework page; once verified the teacher and that
-- learner see it on the lesson's page, and it cannot change until the
-- verification is revoked.
CREATE TABLE live_feedback (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	learner_id	BIGINT UNSIGNED NOT NULL,
	speaking	TINYINT UNSIGNED NULL,
	listening	TINYINT UNSIGNED NULL,
	reading		TINYINT UNSIGNED NULL,
	writing		TINYINT UNSIGNED NULL,
	grammar		TINYINT UNSIGNED NULL,
	vocabulary	TINYINT UNSIGNED NULL,
	engagement	TINYINT UNSIGNED NULL,
	comment		VARCHAR(1024) NULL,
	state		ENUM('waiting','verified') NOT NULL DEFAULT 'waiting',
	verified_by	BIGINT UNSIGNED NULL,
	verified_at	DATETIME NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY live_feedback_one (session_id, learner_id),
	KEY live_feedback_learner (learner_id, state, verified_at),
	KEY live_feedback_state (state, id),
	CONSTRAINT live_feedback_session_fk FOREIGN KEY (session_id)
	    REFERENCES live_sessions (id) ON DELETE CASCADE,
	CONSTRAINT live_feedback_learner_fk FOREIGN KEY (learner_id)
	    REFERENCES users (id),
	CONSTRAINT live_feedback_scores CHECK (
	    (speaking IS NULL OR speaking BETWEEN 1 AND 5) AND
	    (listening IS NULL OR listening BETWEEN 1 AND 5) AND
	    (reading IS NULL OR reading BETWEEN 1 AND 5) AND
	    (writing IS NULL OR writing BETWEEN 1 AND 5) AND
	    (grammar IS NULL OR grammar BETWEEN 1 AND 5) AND
	    (vocabulary IS NULL OR vocabulary BETWEEN 1 AND 5) AND
	    (engagement IS NULL OR engagement BETWEEN 1 AND 5))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a feedback: who, when, what it was before and after
-- (as the words the feedback's page shows).
CREATE TABLE live_feedback_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	feedback_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	action		ENUM('given','edited','verified','revoked') NOT NULL,
	before_text	TEXT NULL,
	after_text	TEXT NOT NULL,
	changed_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY live_feedback_log_feedback (feedback_id, id),
	CONSTRAINT live_feedback_log_feedback_fk FOREIGN KEY (feedback_id)
	    REFERENCES live_feedback (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
