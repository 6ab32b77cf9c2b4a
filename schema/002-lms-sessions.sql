-- Training sessions: the catalogue (courses, lessons, categories, classes),
-- sessions with their three date windows, courses and coaches, learner
-- enrollments and access tracking.  Dates are calendar days in the
-- school's timezone; instants are UTC.

CREATE TABLE courses (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	title		VARCHAR(200) NOT NULL,
	code		VARCHAR(40) NOT NULL,
	description	TEXT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY courses_code (code),
	KEY courses_title (title, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_lessons (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	course_id	BIGINT UNSIGNED NOT NULL,
	title		VARCHAR(200) NOT NULL,
	type		ENUM('class','homework','independent') NOT NULL,
	position	INT UNSIGNED NOT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY course_lessons_course (course_id, position, id),
	CONSTRAINT course_lessons_course_fk FOREIGN KEY (course_id)
	    REFERENCES courses (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session_categories (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY session_categories_name (name),
	KEY session_categories_list (name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A class: a named group of learners, used to enroll them together.
CREATE TABLE classes (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	description	TEXT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY classes_name (name),
	KEY classes_list (name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE class_members (
	class_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (class_id, user_id),
	KEY class_members_user (user_id),
	CONSTRAINT class_members_class_fk FOREIGN KEY (class_id)
	    REFERENCES classes (id) ON DELETE CASCADE,
	CONSTRAINT class_members_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A training session.  Any date may be NULL (open-ended).  The display
-- window decides when learners see it listed, the access window when
-- they may open it, the coach window when coaches may.  course_count and
-- learner_count are kept up to date in the same transaction as every
-- change, so lists never count per row.
CREATE TABLE lms_sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(150) NOT NULL,
	description	TEXT NULL,
	category_id	BIGINT UNSIGNED NULL,
	coach_id	BIGINT UNSIGNED NULL,
	visibility	ENUM('listed','hidden','readonly_after_end') NOT NULL
			    DEFAULT 'listed',
	display_start	DATE NULL,
	display_end	DATE NULL,
	access_start	DATE NULL,
	access_end	DATE NULL,
	coach_start	DATE NULL,
	coach_end	DATE NULL,
	course_count	INT UNSIGNED NOT NULL DEFAULT 0,
	learner_count	INT UNSIGNED NOT NULL DEFAULT 0,
	sort_start	DATE AS (COALESCE(access_start, '1000-01-01')) PERSISTENT,
	sort_end	DATE AS (COALESCE(access_end, '9999-12-31')) PERSISTENT,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY lms_sessions_name (name, id),
	KEY lms_sessions_start (sort_start, id),
	KEY lms_sessions_end (sort_end, id),
	KEY lms_sessions_category (category_id, name, id),
	KEY lms_sessions_coach (coach_id),
	CONSTRAINT lms_sessions_category_fk FOREIGN KEY (category_id)
	    REFERENCES session_categories (id),
	CONSTRAINT lms_sessions_coach_fk FOREIGN KEY (coach_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Courses of a session, each with its course coach.
CREATE TABLE session_courses (
	session_id	BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	coach_id	BIGINT UNSIGNED NULL,
	position	INT UNSIGNED NOT NULL DEFAULT 0,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (session_id, course_id),
	KEY session_courses_course (course_id),
	KEY session_courses_coach (coach_id, session_id),
	CONSTRAINT session_courses_session_fk FOREIGN KEY (session_id)
	    REFERENCES lms_sessions (id) ON DELETE CASCADE,
	CONSTRAINT session_courses_course_fk FOREIGN KEY (course_id)
	    REFERENCES courses (id),
	CONSTRAINT session_courses_coach_fk FOREIGN KEY (coach_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Learners of a session.  source says how they came: one by one, with a
-- class (class_id kept for the record), or from a CSV import.
CREATE TABLE session_learners (
	session_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	source		ENUM('individual','class','csv') NOT NULL,
	class_id	BIGINT UNSIGNED NULL,
	enrolled_at	DATETIME NOT NULL,
	PRIMARY KEY (session_id, user_id),
	KEY session_learners_user (user_id, session_id),
	CONSTRAINT session_learners_session_fk FOREIGN KEY (session_id)
	    REFERENCES lms_sessions (id) ON DELETE CASCADE,
	CONSTRAINT session_learners_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The courses of the session a learner takes: every course when enrolled
-- in the whole session, one when a CSV row named a course.
CREATE TABLE session_course_learners (
	session_id	BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	enrolled_at	DATETIME NOT NULL,
	PRIMARY KEY (session_id, course_id, user_id),
	KEY session_course_learners_user (user_id, session_id),
	CONSTRAINT session_course_learners_sc_fk FOREIGN KEY (session_id, course_id)
	    REFERENCES session_courses (session_id, course_id) ON DELETE CASCADE,
	CONSTRAINT session_course_learners_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Access tracking per learner and course of a session (course_id 0: the
-- session's own page).  Lesson completions arrive with later features.
CREATE TABLE session_tracking (
	session_id	BIGINT UNSIGNED NOT NULL,
	course_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	first_access_at	DATETIME NOT NULL,
	last_access_at	DATETIME NOT NULL,
	access_count	INT UNSIGNED NOT NULL DEFAULT 1,
	lessons_done	INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (session_id, course_id, user_id),
	KEY session_tracking_user (user_id),
	CONSTRAINT session_tracking_session_fk FOREIGN KEY (session_id)
	    REFERENCES lms_sessions (id) ON DELETE CASCADE,
	CONSTRAINT session_tracking_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
