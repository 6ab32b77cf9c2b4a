-- The session list's search (/admin/sessions?q=) looks its words up in
-- this index instead of reading every name: each word of the search
-- must begin a word of the name (MATCH ... AGAINST in boolean mode).
ALTER TABLE lms_sessions ADD FULLTEXT INDEX lms_sessions_name_words (name);
