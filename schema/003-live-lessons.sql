-- Live lessons: enrollments of learners in courses with a teacher (the
-- product documents' StudentCourse), student groups, the schedule of
-- live sessions with their participants and status history, and the
-- recurring rules that generate sessions.  Instants are UTC DATETIMEs;
-- a rule's time of day is local to the rule's timezone.

CREATE TABLE enrollments (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	learner_id	BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	teacher_id	BIGINT UNSIGNED NOT NULL,
	default_length	SMALLINT UNSIGNED NOT NULL DEFAULT 45,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY enrollments_once (learner_id, course_id, teacher_id),
	KEY enrollments_teacher (teacher_id, id),
	KEY enrollments_course (course_id),
	CONSTRAINT enrollments_learner_fk FOREIGN KEY (learner_id)
	    REFERENCES users (id),
	CONSTRAINT enrollments_course_fk FOREIGN KEY (course_id)
	    REFERENCES courses (id),
	CONSTRAINT enrollments_teacher_fk FOREIGN KEY (teacher_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Named sets of learners (possibly from several courses) for recurring
-- group sessions.
CREATE TABLE student_groups (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	teacher_id	BIGINT UNSIGNED NOT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY student_groups_name (teacher_id, name),
	CONSTRAINT student_groups_teacher_fk FOREIGN KEY (teacher_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE student_group_members (
	group_id	BIGINT UNSIGNED NOT NULL,
	learner_id	BIGINT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (group_id, learner_id),
	KEY student_group_members_learner (learner_id),
	CONSTRAINT student_group_members_group_fk FOREIGN KEY (group_id)
	    REFERENCES student_groups (id) ON DELETE CASCADE,
	CONSTRAINT student_group_members_learner_fk FOREIGN KEY (learner_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A recurring rule on an enrollment: weekdays (bit 0 = Monday ... bit 6
-- = Sunday) at a local time in the rule's timezone, from start_date to
-- end_date (NULL: no end).  Deleting a rule keeps its row (deleted_at).
CREATE TABLE schedule_rules (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	enrollment_id	BIGINT UNSIGNED NOT NULL,
	weekdays	TINYINT UNSIGNED NOT NULL,
	local_time	TIME NOT NULL,
	duration_min	SMALLINT UNSIGNED NOT NULL,
	timezone	VARCHAR(64) NOT NULL,
	start_date	DATE NOT NULL,
	end_date	DATE NULL,
	generated_until	DATE NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	PRIMARY KEY (id),
	KEY schedule_rules_enrollment (enrollment_id),
	KEY schedule_rules_due (deleted_at, generated_until),
	CONSTRAINT schedule_rules_enrollment_fk FOREIGN KEY (enrollment_id)
	    REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A live teaching session.  Individual sessions name their enrollment;
-- group sessions may name a student group.  A session generated from a
-- rule keeps (rule_id, rule_date): generating twice cannot make two.
-- detached marks a generated session changed by hand, which later rule
-- edits leave alone.
CREATE TABLE live_sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	course_id	BIGINT UNSIGNED NOT NULL,
	lesson_id	BIGINT UNSIGNED NULL,
	teacher_id	BIGINT UNSIGNED NOT NULL,
	meeting_type	ENUM('individual','group') NOT NULL,
	enrollment_id	BIGINT UNSIGNED NULL,
	group_id	BIGINT UNSIGNED NULL,
	title		VARCHAR(200) NULL,
	notes		TEXT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	duration_min	SMALLINT UNSIGNED NOT NULL,
	status		ENUM('scheduled','active','ended','canceled') NOT NULL
			    DEFAULT 'scheduled',
	cancel_reason	VARCHAR(500) NULL,
	session_notes	TEXT NULL,
	completed_at	DATETIME NULL,
	rule_id		BIGINT UNSIGNED NULL,
	rule_date	DATE NULL,
	detached	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY live_sessions_occurrence (rule_id, rule_date),
	KEY live_sessions_teacher (teacher_id, starts_at),
	KEY live_sessions_start (starts_at),
	KEY live_sessions_enrollment (enrollment_id),
	CONSTRAINT live_sessions_course_fk FOREIGN KEY (course_id)
	    REFERENCES courses (id),
	CONSTRAINT live_sessions_lesson_fk FOREIGN KEY (lesson_id)
	    REFERENCES course_lessons (id),
	CONSTRAINT live_sessions_teacher_fk FOREIGN KEY (teacher_id)
	    REFERENCES users (id),
	CONSTRAINT live_sessions_enrollment_fk FOREIGN KEY (enrollment_id)
	    REFERENCES enrollments (id),
	CONSTRAINT live_sessions_group_fk FOREIGN KEY (group_id)
	    REFERENCES student_groups (id),
	CONSTRAINT live_sessions_rule_fk FOREIGN KEY (rule_id)
	    REFERENCES schedule_rules (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The learners of a live session, each with their own attendance.
CREATE TABLE live_participants (
	session_id	BIGINT UNSIGNED NOT NULL,
	learner_id	BIGINT UNSIGNED NOT NULL,
	attendance	ENUM('present','late','absent','excused') NULL,
	PRIMARY KEY (session_id, learner_id),
	KEY live_participants_learner (learner_id, session_id),
	CONSTRAINT live_participants_session_fk FOREIGN KEY (session_id)
	    REFERENCES live_sessions (id) ON DELETE CASCADE,
	CONSTRAINT live_participants_learner_fk FOREIGN KEY (learner_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every status change of a live session: who, when, from what to what.
CREATE TABLE live_status_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	from_status	ENUM('scheduled','active','ended','canceled') NULL,
	to_status	ENUM('scheduled','active','ended','canceled') NOT NULL,
	user_id		BIGINT UNSIGNED NULL,
	reason		VARCHAR(500) NULL,
	changed_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY live_status_log_session (session_id, id),
	CONSTRAINT live_status_log_session_fk FOREIGN KEY (session_id)
	    REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
