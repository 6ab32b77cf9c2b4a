-- Lesson content: a document (headings and paragraphs in plain text)
-- with exercises, and each learner's answers.  A document belongs to a
-- course lesson (lesson_id) or is an instant lesson made during a live
-- lesson (live_session_id), which no course lists.
CREATE TABLE lesson_docs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	lesson_id	BIGINT UNSIGNED NULL,
	live_session_id	BIGINT UNSIGNED NULL,
	title		VARCHAR(200) NOT NULL DEFAULT '',
	body		TEXT NOT NULL,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY lesson_docs_lesson (lesson_id),
	KEY lesson_docs_live (live_session_id, id),
	CONSTRAINT lesson_docs_lesson_fk FOREIGN KEY (lesson_id)
	    REFERENCES course_lessons (id),
	CONSTRAINT lesson_docs_live_fk FOREIGN KEY (live_session_id)
	    REFERENCES live_sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An exercise of a document.  choice: spec holds the options, one a
-- line, correct ones marked with a leading "*"; gap: the prompt holds
-- the gaps as [[answer|other accepted answer]]; short: spec holds the
-- accepted answers, one a line; essay: no spec, marked by the teacher.
CREATE TABLE lesson_exercises (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	doc_id		BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	kind		ENUM('choice','gap','short','essay') NOT NULL,
	prompt		TEXT NOT NULL,
	spec		TEXT NOT NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY lesson_exercises_doc (doc_id, position, id),
	CONSTRAINT lesson_exercises_doc_fk FOREIGN KEY (doc_id)
	    REFERENCES lesson_docs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A learner's work on a document, inside an enrollment (course
-- lessons) or not (instant lessons: enrollment_id NULL).  draft: saved
-- answers; passed: completed by the learner; verified: checked by the
-- teacher.  score and max_score are filled at completion and when the
-- teacher marks essays.
CREATE TABLE lesson_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	doc_id		BIGINT UNSIGNED NOT NULL,
	learner_id	BIGINT UNSIGNED NOT NULL,
	enrollment_id	BIGINT UNSIGNED NULL,
	scope		BIGINT UNSIGNED AS (COALESCE(enrollment_id, 0)) PERSISTENT,
	state		ENUM('draft','passed','verified') NOT NULL
			    DEFAULT 'draft',
	score		INT UNSIGNED NOT NULL DEFAULT 0,
	max_score	INT UNSIGNED NOT NULL DEFAULT 0,
	completed_at	DATETIME NULL,
	verified_by	BIGINT UNSIGNED NULL,
	verified_at	DATETIME NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY lesson_attempts_one (doc_id, learner_id, scope),
	KEY lesson_attempts_enrollment (enrollment_id, state),
	KEY lesson_attempts_learner (learner_id, state),
	CONSTRAINT lesson_attempts_doc_fk FOREIGN KEY (doc_id)
	    REFERENCES lesson_docs (id) ON DELETE CASCADE,
	CONSTRAINT lesson_attempts_learner_fk FOREIGN KEY (learner_id)
	    REFERENCES users (id),
	CONSTRAINT lesson_attempts_enrollment_fk FOREIGN KEY (enrollment_id)
	    REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer of an attempt.  points is NULL for an essay the teacher
-- has not marked yet.
CREATE TABLE lesson_answers (
	attempt_id	BIGINT UNSIGNED NOT NULL,
	exercise_id	BIGINT UNSIGNED NOT NULL,
	answer		TEXT NOT NULL,
	points		INT UNSIGNED NULL,
	max_points	INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (attempt_id, exercise_id),
	KEY lesson_answers_exercise (exercise_id),
	CONSTRAINT lesson_answers_attempt_fk FOREIGN KEY (attempt_id)
	    REFERENCES lesson_attempts (id) ON DELETE CASCADE,
	CONSTRAINT lesson_answers_exercise_fk FOREIGN KEY (exercise_id)
	    REFERENCES lesson_exercises (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of an attempt's state or marks: who, when, what.
CREATE TABLE lesson_attempt_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	attempt_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	action		ENUM('completed','marked','verified','revoked') NOT NULL,
	changed_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY lesson_attempt_log_attempt (attempt_id, id),
	CONSTRAINT lesson_attempt_log_attempt_fk FOREIGN KEY (attempt_id)
	    REFERENCES lesson_attempts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
