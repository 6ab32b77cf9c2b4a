#!/usr/bin/env bash
# Fill the chat of a channel's past sessions, for the archive search
# (/platform/search): LINES messages spread evenly over the channel's
# ended sessions, written by its members, each a few words of a fixed
# vocabulary so that a word is found in a known share of the lines:
# one of ten common words in every tenth line ("homework": 10%), one of
# fifty subject words in every fiftieth ("geometry": 2%).
#
#   bench/archive.sh DB_SOCKET CHANNEL_ID [LINES]   (default 1000000)
#
# The channel is the one bench/fixtures.sh made (CHANNEL_ID).  The lines
# go in by transactions of BATCH, each adding to the chat's full-text
# index (schema/015-search.sql) as it commits.  (Dropping the index for
# the load and adding it back after left MariaDB 10.11 with an index
# that found nothing until the table was rebuilt.)  At the end it prints
# ARCHIVE_LINES=N for bench/run.
#
# Environment: BENCH_DB, BENCH_DB_USER as for generate.sh.
set -euo pipefail

(($# == 2 || $# == 3)) || { echo "usage: bench/archive.sh DB_SOCKET CHANNEL_ID [LINES]" >&2; exit 2; }
SOCKET=$1
CHANNEL=$2
LINES=${3:-1000000}
DB=${BENCH_DB:-lectern}
BATCH=50000
[[ -S $SOCKET ]] || { echo "archive.sh: $SOCKET is not a socket" >&2; exit 1; }
for n in "$CHANNEL" "$LINES"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "archive.sh: ids and counts must be positive numbers" >&2; exit 2; }
done

q() { mariadb --socket="$SOCKET" -u "${BENCH_DB_USER:-$(id -un)}" -N -B "$DB" "$@"; }

q <<SQL | grep -E '^[A-Z_]+='
-- The channel's ended sessions and its members, numbered from 0.
CREATE TEMPORARY TABLE ap (k INT NOT NULL PRIMARY KEY, id BIGINT UNSIGNED NOT NULL,
    started_at DATETIME NOT NULL);
INSERT INTO ap SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id, started_at
FROM classroom_sessions WHERE channel_id = $CHANNEL AND status = 'ended';
CREATE TEMPORARY TABLE am (k INT NOT NULL PRIMARY KEY, id BIGINT UNSIGNED NOT NULL);
INSERT INTO am SELECT ROW_NUMBER() OVER (ORDER BY user_id) - 1, user_id
FROM channel_members WHERE channel_id = $CHANNEL;
SET @np = (SELECT COUNT(*) FROM ap), @nm = (SELECT COUNT(*) FROM am);

DELIMITER //
FOR b IN 0 .. ($LINES - 1) DIV $BATCH DO
INSERT INTO classroom_chat (session_id, user_id, body, posted_at)
SELECT ap.id, am.id, CONCAT('Line ', g.seq, ': ',
    ELT(1 + g.seq % 10, 'hello', 'thanks', 'question', 'answer', 'homework',
        'slide', 'again', 'please', 'sorry', 'ready'), ' on ',
    ELT(1 + (g.seq DIV 10) % 50, 'fractions', 'geometry', 'statistics',
        'algebra', 'grammar', 'spelling', 'poetry', 'novels', 'history',
        'geography', 'climate', 'volcanoes', 'planets', 'chemistry',
        'atoms', 'molecules', 'biology', 'cells', 'plants', 'animals',
        'music', 'rhythm', 'painting', 'colours', 'football', 'swimming',
        'running', 'french', 'spanish', 'german', 'latin', 'verbs',
        'nouns', 'essays', 'reports', 'projects', 'exams', 'revision',
        'timetable', 'library', 'computers', 'programming', 'robots',
        'electricity', 'magnets', 'light', 'sound', 'energy', 'forces',
        'motion'), ', page ', 1 + g.seq % 300, '.'),
    ap.started_at + INTERVAL (g.seq DIV @np) % 2700 SECOND
FROM seq_1_to_$LINES g JOIN ap ON ap.k = g.seq % @np
JOIN am ON am.k = g.seq % @nm
WHERE g.seq > b * $BATCH AND g.seq <= (b + 1) * $BATCH;
END FOR //
DELIMITER ;
ANALYZE TABLE classroom_chat;

SELECT CONCAT('ARCHIVE_LINES=', COUNT(*)) FROM classroom_chat c
JOIN ap ON ap.id = c.session_id;
SQL
