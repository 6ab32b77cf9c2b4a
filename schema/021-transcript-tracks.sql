-- When the worker fetched the caption tracks of a published recording
-- from the conferencing server and stored them as transcripts (NULL:
-- not yet).  Set once, whether the tracks were good or not, so that a
-- recording is fetched exactly once.  IF NOT EXISTS lets the file run
-- again.
ALTER TABLE classroom_recordings
	ADD COLUMN IF NOT EXISTS tracks_fetched_at DATETIME NULL;
