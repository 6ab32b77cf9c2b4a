-- Polls run inside the conferencing room reach Lectern in the learning-
-- analytics report at the end of the meeting.  They are kept beside
-- Lectern's own polls with the server's poll id, once per session (a
-- report sent again adds nothing), and whether their results were
-- shown in the room.  Lectern's own polls have no provider poll id.
ALTER TABLE classroom_polls
	ADD COLUMN provider_poll_id VARCHAR(100) NULL AFTER session_id,
	ADD COLUMN provider_published TINYINT(1) NOT NULL DEFAULT 0
	    AFTER provider_poll_id,
	ADD UNIQUE KEY classroom_polls_provider (session_id, provider_poll_id);
