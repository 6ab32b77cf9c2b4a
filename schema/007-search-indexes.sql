-- The searches of the admin lists look their words up in these indexes
-- instead of reading every row: each word of the search must begin a
-- word of the name (MATCH ... AGAINST in boolean mode, see
-- cgi/lib/words.h).  The session list (/admin/sessions?q=) searches the
-- session's name, the user list (/admin/users?q=) the user's name and
-- email address.
ALTER TABLE lms_sessions ADD FULLTEXT INDEX lms_sessions_name_words (name);
ALTER TABLE users ADD FULLTEXT INDEX users_name_email_words (name, email);
