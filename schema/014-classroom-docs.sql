-- Documents and whiteboards of a classroom session: files a moderator
-- added to its record.  A document is kept as uploaded (PDF, plain
-- text, office formats, recognised by content); a whiteboard is a
-- snapshot re-encoded as JPEG.  The file itself is under the data
-- directory, in the folder of its kind, by stored_name; the rows go
-- with the session.
CREATE TABLE classroom_docs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
	session_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('document', 'whiteboard') NOT NULL,
	title		VARCHAR(200) NOT NULL,
	filename	VARCHAR(220) NOT NULL,
	content_type	VARCHAR(100) NOT NULL,
	stored_name	CHAR(32) NOT NULL,
	size		BIGINT UNSIGNED NOT NULL,
	uploaded_by	BIGINT UNSIGNED NULL,
	uploaded_at	DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY classroom_docs_stored (stored_name),
	KEY classroom_docs_session (session_id, kind, id),
	CONSTRAINT classroom_docs_session_fk FOREIGN KEY (session_id)
	    REFERENCES classroom_sessions (id) ON DELETE CASCADE,
	CONSTRAINT classroom_docs_user_fk FOREIGN KEY (uploaded_by)
	    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
