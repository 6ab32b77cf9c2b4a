-- Transcripts of a past classroom session: WebVTT files a moderator
-- uploaded, kept as their cues (start and end in ms from the start of
-- the recording, the speaker of the voice tag, the text).  A session
-- may hold several; they go with it.
CREATE TABLE classroom_transcripts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	filename	VARCHAR(200) NOT NULL,
	cues		INT UNSIGNED NOT NULL,
	duration_ms	BIGINT UNSIGNED NOT NULL,
	uploaded_by	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	KEY classroom_transcripts_session (session_id, id),
	CONSTRAINT classroom_transcripts_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE,
	CONSTRAINT classroom_transcripts_user_fk FOREIGN KEY (uploaded_by)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE classroom_transcript_cues (
	transcript_id	BIGINT UNSIGNED NOT NULL,
	idx		INT UNSIGNED NOT NULL,
	start_ms	BIGINT UNSIGNED NOT NULL,
	end_ms		BIGINT UNSIGNED NOT NULL,
	speaker		VARCHAR(100) NULL,
	body		TEXT NOT NULL,
	PRIMARY KEY (transcript_id, idx),
	CONSTRAINT classroom_transcript_cues_fk FOREIGN KEY (transcript_id)
	    REFERENCES classroom_transcripts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
