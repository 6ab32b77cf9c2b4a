-- Live classroom: channels with members and channel admins, classroom
-- sessions on a conferencing provider (BigBlueButton or Jitsi Meet),
-- their participants with attendance and engagement, moderator actions,
-- chat, polls, slides and recordings.  Instants are UTC.

CREATE TABLE channels (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	name		VARCHAR(100) NOT NULL,
	description	TEXT NULL,
	archived	TINYINT(1) NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY channels_name (name),
	KEY channels_list (archived, name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- is_admin: a channel admin (starts and ends sessions, moderates).
CREATE TABLE channel_members (
	channel_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	is_admin	TINYINT(1) NOT NULL DEFAULT 0,
	added_at	DATETIME NOT NULL,
	PRIMARY KEY (channel_id, user_id),
	KEY channel_members_user (user_id, channel_id),
	CONSTRAINT channel_members_channel_fk FOREIGN KEY (channel_id)
	    REFERENCES channels (id) ON DELETE CASCADE,
	CONSTRAINT channel_members_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One run of a classroom: either in a channel (channel_id) or for a
-- live lesson of the schedule (live_session_id).  meeting_id is random
-- per session and is what the provider knows.  active_key equals the
-- channel or live session ("c<id>" / "l<id>") while the session is
-- active and is NULL after: at most one active session per room.
-- lock_camera / lock_mic are the locks for the next joins, set from the
-- start form and changed by moderators.  create_time is the provider's
-- createTime once "create" has been called (NULL before).
CREATE TABLE classroom_sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	channel_id	BIGINT UNSIGNED NULL,
	live_session_id	BIGINT UNSIGNED NULL,
	provider	ENUM('bbb','jitsi') NOT NULL,
	meeting_id	CHAR(32) CHARACTER SET ascii NOT NULL,
	name		VARCHAR(200) NOT NULL,
	description	TEXT NULL,
	record		TINYINT(1) NOT NULL DEFAULT 0,
	allow_camera	TINYINT(1) NOT NULL DEFAULT 1,
	allow_mic	TINYINT(1) NOT NULL DEFAULT 1,
	mute_on_join	TINYINT(1) NOT NULL DEFAULT 0,
	notify_system	TINYINT(1) NOT NULL DEFAULT 0,
	notify_email	TINYINT(1) NOT NULL DEFAULT 0,
	lock_camera	TINYINT(1) NOT NULL DEFAULT 0,
	lock_mic	TINYINT(1) NOT NULL DEFAULT 0,
	status		ENUM('active','ended') NOT NULL DEFAULT 'active',
	active_key	VARCHAR(24) CHARACTER SET ascii NULL,
	create_time	BIGINT NULL,
	started_by	BIGINT UNSIGNED NULL,
	started_at	DATETIME NOT NULL,
	ended_by	BIGINT UNSIGNED NULL,
	ended_at	DATETIME NULL,
	end_reason	VARCHAR(40) NULL,
	deleted_at	DATETIME NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY classroom_sessions_meeting (meeting_id),
	UNIQUE KEY classroom_sessions_active (active_key),
	KEY classroom_sessions_channel (channel_id, started_at, id),
	KEY classroom_sessions_live (live_session_id, id),
	CONSTRAINT classroom_sessions_channel_fk FOREIGN KEY (channel_id)
	    REFERENCES channels (id),
	CONSTRAINT classroom_sessions_live_fk FOREIGN KEY (live_session_id)
	    REFERENCES live_sessions (id),
	CONSTRAINT classroom_sessions_started_fk FOREIGN KEY (started_by)
	    REFERENCES users (id) ON DELETE SET NULL,
	CONSTRAINT classroom_sessions_ended_fk FOREIGN KEY (ended_by)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Everyone who took part, with Lectern's own decisions (promoted to
-- moderator for the next join, removed: cannot rejoin) and what the
-- provider reported (join/leave, minutes, engagement counts).
CREATE TABLE classroom_participants (
	session_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	promoted	TINYINT(1) NOT NULL DEFAULT 0,
	removed		TINYINT(1) NOT NULL DEFAULT 0,
	joined_as	ENUM('moderator','viewer') NULL,
	joins		INT UNSIGNED NOT NULL DEFAULT 0,
	first_join_at	DATETIME NULL,
	last_join_at	DATETIME NULL,
	last_leave_at	DATETIME NULL,
	minutes		INT UNSIGNED NOT NULL DEFAULT 0,
	chats		INT UNSIGNED NOT NULL DEFAULT 0,
	talks		INT UNSIGNED NOT NULL DEFAULT 0,
	talk_seconds	INT UNSIGNED NOT NULL DEFAULT 0,
	raise_hands	INT UNSIGNED NOT NULL DEFAULT 0,
	poll_votes	INT UNSIGNED NOT NULL DEFAULT 0,
	emojis		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (session_id, user_id),
	KEY classroom_participants_user (user_id, session_id),
	CONSTRAINT classroom_participants_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE,
	CONSTRAINT classroom_participants_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The session's history: start, joins, leaves, moderator actions, end.
-- kind: started, joined, left, promoted, removed, lock_camera,
-- unlock_camera, lock_mic, unlock_mic, slides, poll, ended, recording.
CREATE TABLE classroom_events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(40) NOT NULL,
	actor_id	BIGINT UNSIGNED NULL,
	user_id		BIGINT UNSIGNED NULL,
	detail		VARCHAR(500) NULL,
	at		DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY classroom_events_session (session_id, id),
	CONSTRAINT classroom_events_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE classroom_chat (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	body		VARCHAR(2000) NOT NULL,
	posted_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY classroom_chat_session (session_id, id),
	CONSTRAINT classroom_chat_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE,
	CONSTRAINT classroom_chat_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE classroom_polls (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	question	VARCHAR(300) NOT NULL,
	created_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	closed_at	DATETIME NULL,
	PRIMARY KEY (id),
	KEY classroom_polls_session (session_id, id),
	CONSTRAINT classroom_polls_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Options are numbered 1..6 in their order.
CREATE TABLE classroom_poll_options (
	poll_id		BIGINT UNSIGNED NOT NULL,
	idx		TINYINT UNSIGNED NOT NULL,
	label		VARCHAR(200) NOT NULL,
	votes		INT UNSIGNED NOT NULL DEFAULT 0,
	PRIMARY KEY (poll_id, idx),
	CONSTRAINT classroom_poll_options_poll_fk FOREIGN KEY (poll_id)
	    REFERENCES classroom_polls (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer per participant and poll (the primary key).
CREATE TABLE classroom_poll_votes (
	poll_id		BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	idx		TINYINT UNSIGNED NOT NULL,
	voted_at	DATETIME NOT NULL,
	PRIMARY KEY (poll_id, user_id),
	CONSTRAINT classroom_poll_votes_poll_fk FOREIGN KEY (poll_id)
	    REFERENCES classroom_polls (id) ON DELETE CASCADE,
	CONSTRAINT classroom_poll_votes_user_fk FOREIGN KEY (user_id)
	    REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- PDF slides of a session, stored under the configured data directory
-- by stored_name (random), never under the web root.
CREATE TABLE classroom_slides (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	filename	VARCHAR(200) NOT NULL,
	stored_name	CHAR(32) CHARACTER SET ascii NOT NULL,
	size		BIGINT UNSIGNED NOT NULL,
	uploaded_by	BIGINT UNSIGNED NULL,
	uploaded_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY classroom_slides_stored (stored_name),
	KEY classroom_slides_session (session_id, id),
	CONSTRAINT classroom_slides_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Recordings the provider reported (recording-ready callback or
-- getRecordings).
CREATE TABLE classroom_recordings (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	record_id	VARCHAR(100) CHARACTER SET ascii NOT NULL,
	state		ENUM('processing','published','unpublished','deleted')
			    NOT NULL DEFAULT 'published',
	playback_url	VARCHAR(1000) NULL,
	start_time	BIGINT NULL,
	end_time	BIGINT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY classroom_recordings_record (record_id),
	KEY classroom_recordings_session (session_id, id),
	CONSTRAINT classroom_recordings_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
