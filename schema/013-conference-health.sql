-- Whether the conferencing server answers, shared by every app host: a
-- person's click whose call got no answer in time sets open_until (ms
-- since the epoch by the database's clock) a short window ahead; until
-- then clicks fail at once instead of waiting for the server, and after
-- it one click tries the server again.  An answer to that trial sets it
-- back to 0.  timeouts counts the calls that timed out, for the record.
CREATE TABLE conference_health (
	provider	VARCHAR(16) NOT NULL,
	open_until	BIGINT NOT NULL DEFAULT 0,
	timeouts	INT UNSIGNED NOT NULL DEFAULT 0,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (provider)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
