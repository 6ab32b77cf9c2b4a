-- A class ended here while the conferencing server could not be told
-- (it was down, stalled or answered with an error): the meeting may
-- still be open there.  The worker asks the server to end it until the
-- server confirms (an unknown meeting counts as ended), least recently
-- tried first.
ALTER TABLE classroom_sessions
	ADD COLUMN end_pending TINYINT(1) NOT NULL DEFAULT 0 AFTER end_reason,
	ADD COLUMN end_tried_at DATETIME NULL AFTER end_pending,
	ADD KEY classroom_sessions_end_pending (end_pending, end_tried_at);
