-- A user's picture: the JPEG Lectern made from their upload (a small
-- square, re-encoded, so no uploaded byte is kept) and its SHA-256,
-- which is the picture's ETag and the version in its address.  Kept in
-- the database, not on a disk, so every app host serves the same one.
-- No row: the user is shown by their initials.
CREATE TABLE user_avatars (
	user_id		BIGINT UNSIGNED NOT NULL,
	image		MEDIUMBLOB NOT NULL,
	sha256		CHAR(64) CHARACTER SET ascii NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (user_id),
	CONSTRAINT user_avatars_user FOREIGN KEY (user_id) REFERENCES users (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
