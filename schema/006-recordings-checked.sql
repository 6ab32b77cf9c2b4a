-- When the worker last asked the conferencing server for a session's
-- recordings: sessions are asked least recently checked first, and not
-- again within a few minutes, so that sessions whose recordings never
-- come do not keep newer ones waiting.
ALTER TABLE classroom_sessions
	ADD COLUMN recordings_checked_at DATETIME NULL AFTER create_time;
