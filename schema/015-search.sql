-- The search of the session archive (/platform/search) looks its words
-- up in these indexes (MATCH ... AGAINST in boolean mode, see
-- cgi/lib/words.h) instead of reading every row: a session's name and
-- description, its chat messages and the lines of its transcripts.
-- IF NOT EXISTS lets the file run again on a database that has them.
ALTER TABLE classroom_sessions
    ADD FULLTEXT INDEX IF NOT EXISTS classroom_sessions_words
    (name, description);
ALTER TABLE classroom_chat
    ADD FULLTEXT INDEX IF NOT EXISTS classroom_chat_words (body);
ALTER TABLE classroom_transcript_cues
    ADD FULLTEXT INDEX IF NOT EXISTS classroom_transcript_cues_words (body);
