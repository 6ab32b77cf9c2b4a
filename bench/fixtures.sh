#!/usr/bin/env bash
# Add what the pages bench/run measures need beyond generate.sh and
# schedule.sh: a channel with a long history, a classroom session with
# many participants, a running room with its chat, notifications for a
# user, and a finished live lesson whose attendance can be saved.
#
#   bench/fixtures.sh DB_SOCKET
#
# At the end it prints KEY=VALUE lines (ids and emails) for bench/run.
# Every new name and email carries BENCH_TAG.  See bench/README.md.
#
# Environment:
#   BENCH_TAG            tag of the run (default: the date and time)
#   BENCH_PASSWORD_FROM  the channel admin shares this account's password
#                        (default tess.teacher@lectern.test, a demo account)
#   BENCH_NOTIFY_USER    email of the user who gets the notifications
#                        (default: none are added)
#   BENCH_ATTEND_TEACHER email of the teacher of the finished lesson
#                        (default: the channel admin)
#   BENCH_PAST           past sessions of the channel (default 10000)
#   BENCH_PEOPLE         members of the channels, and participants of the
#                        large session (default 300)
#   BENCH_NOTIFICATIONS  notifications of BENCH_NOTIFY_USER (default 1000,
#                        the newest 40 unread)
#   BENCH_DB, BENCH_DB_USER as for generate.sh
set -euo pipefail

(($# == 1)) || { echo "usage: bench/fixtures.sh DB_SOCKET" >&2; exit 2; }
SOCKET=$1
[[ -S $SOCKET ]] || { echo "fixtures.sh: $SOCKET is not a socket" >&2; exit 1; }
TAG=${BENCH_TAG:-$(date -u +%Y%m%d%H%M%S)}
FROM=${BENCH_PASSWORD_FROM:-tess.teacher@lectern.test}
NOTIFY=${BENCH_NOTIFY_USER:-}
ATTEND=${BENCH_ATTEND_TEACHER:-}
PAST=${BENCH_PAST:-10000}
PEOPLE=${BENCH_PEOPLE:-300}
NOTIFICATIONS=${BENCH_NOTIFICATIONS:-1000}
DB=${BENCH_DB:-lectern}
for n in "$PAST" "$PEOPLE" "$NOTIFICATIONS"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "fixtures.sh: counts must be positive numbers" >&2; exit 2; }
done
((PEOPLE >= 50)) || { echo "fixtures.sh: BENCH_PEOPLE must be at least 50" >&2; exit 2; }
for s in "$TAG" "$FROM" "$NOTIFY" "$ATTEND"; do
    [[ $s != *"'"* && $s != *\\* ]] || { echo "fixtures.sh: no quotes in tags and emails" >&2; exit 2; }
done

q() { mariadb --socket="$SOCKET" -u "${BENCH_DB_USER:-$(id -un)}" -N -B "$DB" "$@"; }

[[ $(q -e "SELECT COUNT(*) FROM users WHERE email = '$FROM'") == 1 ]] ||
    { echo "fixtures.sh: no user $FROM" >&2; exit 1; }

# ANALYZE reports a line per table: only the KEY=VALUE lines are kept.
q <<SQL | grep -E '^[A-Z_]+='
SET @now = UTC_TIMESTAMP();
SET @hash = (SELECT password_hash FROM users WHERE email = '$FROM');

-- The channel admin (a teacher) and the members, numbered 0..PEOPLE-1 in bm.
INSERT INTO users (name, email, password_hash, role, timezone, created_at, updated_at)
VALUES (CONCAT('Bench channel admin ', '$TAG'),
    CONCAT('bench-channel-admin-', '$TAG', '@example.org'), @hash, 'teacher',
    'UTC', @now, @now);
SET @admin = LAST_INSERT_ID();
INSERT INTO users (name, email, role, created_at, updated_at)
SELECT CONCAT(ELT(1 + seq % 8, 'Ada', 'Ben', 'Chloe', 'Dev', 'Emma', 'Farid',
        'Greta', 'Hugo'), ' Member ', LPAD(seq, 4, '0')),
    CONCAT('bench-member-', seq, '-', '$TAG', '@example.org'), 'learner',
    @now, @now
FROM seq_1_to_$PEOPLE;
CREATE TEMPORARY TABLE bm (k INT NOT NULL PRIMARY KEY, id BIGINT UNSIGNED NOT NULL);
INSERT INTO bm SELECT s.seq - 1, u.id FROM seq_1_to_$PEOPLE s
JOIN users u ON u.email = CONCAT('bench-member-', s.seq, '-', '$TAG', '@example.org');

-- Two channels: one with a long history, one with a running room.
INSERT INTO channels (name, description, created_at, updated_at)
VALUES (CONCAT('Bench channel ', '$TAG'), 'A channel with a long history.',
    @now, @now);
SET @ch = LAST_INSERT_ID();
INSERT INTO channels (name, description, created_at, updated_at)
VALUES (CONCAT('Bench live room ', '$TAG'), 'A channel whose room is open.',
    @now, @now);
SET @live = LAST_INSERT_ID();
INSERT INTO channel_members (channel_id, user_id, is_admin, added_at)
VALUES (@ch, @admin, 1, @now), (@live, @admin, 1, @now);
INSERT INTO channel_members (channel_id, user_id, is_admin, added_at)
SELECT c.id, bm.id, 0, @now FROM bm JOIN channels c ON c.id IN (@ch, @live);

-- The history: one session every 4 hours back from yesterday, each with
-- the admin and 10 members as participants.
INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name,
    record, status, started_by, started_at, ended_by, ended_at, end_reason,
    created_at, updated_at)
SELECT @ch, 'bbb', MD5(CONCAT('$TAG', '-past-', seq)),
    CONCAT('Bench lesson ', LPAD(seq, 5, '0')), seq % 4 = 0, 'ended', @admin,
    t, @admin, t + INTERVAL 45 MINUTE, 'ended by moderator', t, t
FROM (SELECT seq, @now - INTERVAL 1 DAY - INTERVAL ($PAST - seq) * 4 HOUR AS t
    FROM seq_1_to_$PAST) g;
INSERT INTO classroom_participants (session_id, user_id, joined_as, joins,
    first_join_at, last_join_at, last_leave_at, minutes)
SELECT id, @admin, 'moderator', 1, started_at, started_at, ended_at, 45
FROM classroom_sessions WHERE channel_id = @ch;
INSERT INTO classroom_participants (session_id, user_id, joined_as, joins,
    first_join_at, last_join_at, last_leave_at, minutes, chats, talks,
    talk_seconds, raise_hands)
SELECT s.id, bm.id, 'viewer', 1, s.started_at + INTERVAL j.seq MINUTE,
    s.started_at + INTERVAL j.seq MINUTE, s.ended_at, 45 - j.seq, j.seq % 3,
    j.seq % 4, 20 * (j.seq % 4), j.seq % 2
FROM classroom_sessions s JOIN seq_0_to_9 j
JOIN bm ON bm.k = (s.id * 7 + j.seq * 29) % $PEOPLE
WHERE s.channel_id = @ch;

-- The large session, the newest of the history: every member took part,
-- chatted, voted in two polls; one recording.
SET @t = @now - INTERVAL 20 HOUR;
INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name,
    description, record, status, started_by, started_at, ended_by, ended_at,
    end_reason, created_at, updated_at)
VALUES (@ch, 'bbb', MD5(CONCAT('$TAG', '-large')),
    CONCAT('Bench assembly ', '$TAG'), 'Everyone in the channel took part.',
    1, 'ended', @admin, @t, @admin, @t + INTERVAL 90 MINUTE,
    'ended by moderator', @t, @t);
SET @big = LAST_INSERT_ID();
INSERT INTO classroom_participants (session_id, user_id, joined_as, joins,
    first_join_at, last_join_at, last_leave_at, minutes)
VALUES (@big, @admin, 'moderator', 1, @t, @t, @t + INTERVAL 90 MINUTE, 90);
INSERT INTO classroom_participants (session_id, user_id, promoted, joined_as,
    joins, first_join_at, last_join_at, last_leave_at, minutes, chats, talks,
    talk_seconds, raise_hands, poll_votes, emojis)
SELECT @big, id, k < 3, IF(k < 3, 'moderator', 'viewer'), 1 + k % 3,
    @t + INTERVAL k % 15 MINUTE, @t + INTERVAL k % 15 MINUTE,
    @t + INTERVAL 90 - k % 10 MINUTE, 75 + k % 10, 1 + k % 5, k % 7,
    15 * (k % 7), k % 3, 2, k % 4
FROM bm;
INSERT INTO classroom_events (session_id, kind, actor_id, user_id, detail, at)
VALUES (@big, 'started', @admin, NULL, NULL, @t);
INSERT INTO classroom_events (session_id, kind, actor_id, user_id, detail, at)
SELECT @big, ELT(1 + j.seq, 'joined', 'left'), bm.id, bm.id, NULL,
    @t + INTERVAL IF(j.seq = 0, bm.k % 15, 90 - bm.k % 10) MINUTE
FROM bm JOIN seq_0_to_1 j ORDER BY 6;
INSERT INTO classroom_events (session_id, kind, actor_id, user_id, detail, at)
SELECT @big, 'promoted', @admin, id, NULL, @t + INTERVAL 20 MINUTE
FROM bm WHERE k < 3;
INSERT INTO classroom_events (session_id, kind, actor_id, user_id, detail, at)
VALUES (@big, 'lock_camera', @admin, NULL, NULL, @t + INTERVAL 21 MINUTE),
    (@big, 'unlock_camera', @admin, NULL, NULL, @t + INTERVAL 40 MINUTE),
    (@big, 'poll', @admin, NULL, 'Which topic next?', @t + INTERVAL 45 MINUTE),
    (@big, 'poll', @admin, NULL, 'Was the pace right?', @t + INTERVAL 60 MINUTE),
    (@big, 'ended', @admin, NULL, NULL, @t + INTERVAL 90 MINUTE),
    (@big, 'recording', NULL, NULL, 'published', @t + INTERVAL 110 MINUTE);
INSERT INTO classroom_chat (session_id, user_id, body, posted_at)
SELECT @big, id, CONCAT('Message ', k + 1, ' from the assembly: ',
    ELT(1 + k % 4, 'a question about the homework.', 'thanks!',
    'could you repeat the last slide?', 'I agree with the previous answer.')),
    @t + INTERVAL 15 + k % 70 MINUTE
FROM bm ORDER BY 4;
INSERT INTO classroom_polls (session_id, question, created_by, created_at, closed_at)
VALUES (@big, 'Which topic next?', @admin, @t + INTERVAL 45 MINUTE,
    @t + INTERVAL 50 MINUTE);
SET @poll1 = LAST_INSERT_ID();
INSERT INTO classroom_polls (session_id, question, created_by, created_at, closed_at)
VALUES (@big, 'Was the pace right?', @admin, @t + INTERVAL 60 MINUTE,
    @t + INTERVAL 65 MINUTE);
SET @poll2 = LAST_INSERT_ID();
INSERT INTO classroom_poll_options (poll_id, idx, label, votes)
SELECT p.id, o.seq, ELT(o.seq, 'Fractions', 'Geometry', 'Statistics',
    'Revision'), (SELECT COUNT(*) FROM bm WHERE k % 4 + 1 = o.seq)
FROM classroom_polls p JOIN seq_1_to_4 o WHERE p.id IN (@poll1, @poll2);
INSERT INTO classroom_poll_votes (poll_id, user_id, idx, voted_at)
SELECT p.id, bm.id, bm.k % 4 + 1, p.created_at + INTERVAL 1 MINUTE
FROM bm JOIN classroom_polls p ON p.id IN (@poll1, @poll2);
INSERT INTO classroom_recordings (session_id, record_id, state, playback_url,
    start_time, end_time, updated_at)
VALUES (@big, CONCAT(MD5(CONCAT('$TAG', '-large')), '-1'), 'published',
    'http://127.0.0.1/playback/presentation/2.3/bench', UNIX_TIMESTAMP(@t) * 1000,
    UNIX_TIMESTAMP(@t + INTERVAL 90 MINUTE) * 1000, @now);

-- The running room: started half an hour ago, 50 members in, 200 messages.
SET @t = @now - INTERVAL 30 MINUTE;
INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name,
    record, status, active_key, started_by, started_at, created_at, updated_at)
VALUES (@live, 'bbb', MD5(CONCAT('$TAG', '-room')),
    CONCAT('Bench live room ', '$TAG'), 0, 'active', CONCAT('c', @live),
    @admin, @t, @t, @t);
SET @room = LAST_INSERT_ID();
INSERT INTO classroom_participants (session_id, user_id, joined_as, joins,
    first_join_at, last_join_at)
VALUES (@room, @admin, 'moderator', 1, @t, @t);
INSERT INTO classroom_participants (session_id, user_id, joined_as, joins,
    first_join_at, last_join_at)
SELECT @room, id, 'viewer', 1, @t + INTERVAL k % 10 MINUTE,
    @t + INTERVAL k % 10 MINUTE
FROM bm WHERE k < 50;
INSERT INTO classroom_events (session_id, kind, actor_id, user_id, detail, at)
VALUES (@room, 'started', @admin, NULL, NULL, @t);
INSERT INTO classroom_chat (session_id, user_id, body, posted_at)
SELECT @room, bm.id, CONCAT('Room message ', seq, ': ',
    ELT(1 + seq % 3, 'hello everyone', 'can you hear me?',
    'the slides are up')), @t + INTERVAL seq * 8 SECOND
FROM seq_1_to_200 JOIN bm ON bm.k = seq % 50 ORDER BY seq;

-- Notifications of one user, newest last, the newest 40 unread.
INSERT INTO notifications (user_id, kind, subject, body, link, created_at, read_at)
SELECT u.id, 'session_scheduled', CONCAT('New session ', seq),
    CONCAT('A session was scheduled for you (', seq, ').'), '/platform/schedule',
    @now - INTERVAL ($NOTIFICATIONS - seq) HOUR,
    IF(seq > $NOTIFICATIONS - 40, NULL, @now - INTERVAL ($NOTIFICATIONS - seq) HOUR + INTERVAL 5 MINUTE)
FROM users u JOIN seq_1_to_$NOTIFICATIONS WHERE u.email = '$NOTIFY'
ORDER BY seq;

-- A live lesson of yesterday, finished, with 20 members: its attendance
-- form is what the attendance write saves.
SET @teacher = COALESCE((SELECT id FROM users WHERE email = '$ATTEND'), @admin);
INSERT INTO courses (title, code, created_at, updated_at)
VALUES (CONCAT('Bench attendance course ', '$TAG'),
    CONCAT('BATT', '$TAG'), @now, @now);
SET @course = LAST_INSERT_ID();
SET @t = DATE(@now) - INTERVAL 1 DAY + INTERVAL 10 HOUR;
INSERT INTO live_sessions (course_id, teacher_id, meeting_type, title,
    starts_at, ends_at, duration_min, status, completed_at, created_at, updated_at)
VALUES (@course, @teacher, 'group', CONCAT('Bench attendance ', '$TAG'),
    @t, @t + INTERVAL 60 MINUTE, 60, 'ended', @t + INTERVAL 60 MINUTE, @now, @now);
SET @lesson = LAST_INSERT_ID();
INSERT INTO live_participants (session_id, learner_id)
SELECT @lesson, id FROM bm WHERE k < 20;

ANALYZE TABLE classroom_sessions, classroom_participants, classroom_events,
    classroom_chat, channel_members, notifications, live_sessions,
    live_participants;

SELECT CONCAT('CHANNEL_ADMIN=bench-channel-admin-', '$TAG', '@example.org');
SELECT CONCAT('CHANNEL_ID=', @ch);
SELECT CONCAT('CHANNEL_PAST=', COUNT(*)) FROM classroom_sessions WHERE channel_id = @ch;
SELECT CONCAT('LARGE_SESSION_ID=', @big);
SELECT CONCAT('LARGE_SESSION_PEOPLE=', COUNT(*)) FROM classroom_participants WHERE session_id = @big;
SELECT CONCAT('ROOM_ID=', @room);
SELECT CONCAT('ROOM_LAST_CHAT=', MAX(id)) FROM classroom_chat WHERE session_id = @room;
SELECT CONCAT('NOTIFICATIONS=', COUNT(*)) FROM notifications n JOIN users u ON u.id = n.user_id
WHERE u.email = '$NOTIFY';
SELECT CONCAT('ATTEND_SESSION_ID=', @lesson);
SELECT CONCAT('ATTEND_LEARNERS=', GROUP_CONCAT(learner_id ORDER BY learner_id))
FROM live_participants WHERE session_id = @lesson;
SQL
