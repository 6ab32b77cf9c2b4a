#!/usr/bin/env bash
# Give one teacher 5,000 live sessions (50 a week for 100 weeks from this
# week's Monday, each with one learner) so the schedule's week and list
# views can be timed with bench/session-list.sh.  See bench/README.md.
#
#   bench/schedule.sh DB_SOCKET [SESSIONS]
#
# The teacher and the learner are new accounts tagged with BENCH_TAG; they
# share the password of BENCH_PASSWORD_FROM (default tess.teacher@lectern.test,
# a demo account) so they can sign in.
set -euo pipefail

(($# >= 1)) || { echo "usage: bench/schedule.sh DB_SOCKET [SESSIONS]" >&2; exit 2; }
SOCKET=$1
N=${2:-5000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "schedule.sh: SESSIONS must be a number" >&2; exit 2; }
TAG=${BENCH_TAG:-$(date -u +%Y%m%d%H%M%S)}
FROM=${BENCH_PASSWORD_FROM:-tess.teacher@lectern.test}
DB=${BENCH_DB:-lectern}

mariadb --socket="$SOCKET" -u "${BENCH_DB_USER:-$(id -un)}" "$DB" <<SQL
SET @monday = DATE(UTC_TIMESTAMP()) - INTERVAL WEEKDAY(UTC_TIMESTAMP()) DAY;
INSERT INTO users (name, email, password_hash, role, timezone, created_at, updated_at)
SELECT CONCAT('Bench teacher ', '$TAG'), CONCAT('bench-teacher-', '$TAG', '@example.org'),
       password_hash, 'teacher', 'UTC', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM users WHERE email = '$FROM';
SET @teacher = LAST_INSERT_ID();
INSERT INTO users (name, email, password_hash, role, timezone, created_at, updated_at)
SELECT CONCAT('Bench learner ', '$TAG'), CONCAT('bench-learner-', '$TAG', '@example.org'),
       password_hash, 'learner', 'UTC', UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM users WHERE email = '$FROM';
SET @learner = LAST_INSERT_ID();
INSERT INTO courses (title, code, created_at, updated_at)
VALUES (CONCAT('Bench course ', '$TAG'), CONCAT('BENCH', '$TAG'), UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @course = LAST_INSERT_ID();
INSERT INTO live_sessions (course_id, teacher_id, meeting_type, starts_at, ends_at,
       duration_min, status, created_at, updated_at)
SELECT @course, @teacher, 'group', t, t + INTERVAL 45 MINUTE, 45, 'scheduled',
       UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM (SELECT @monday + INTERVAL 7 HOUR + INTERVAL (seq DIV 50) WEEK
        + INTERVAL ((seq MOD 50) DIV 10) DAY + INTERVAL (seq MOD 10) HOUR AS t
      FROM seq_0_to_$((N - 1))) x;
INSERT INTO live_participants (session_id, learner_id)
SELECT id, @learner FROM live_sessions WHERE teacher_id = @teacher;
SELECT CONCAT('teacher: bench-teacher-', '$TAG', '@example.org  sessions: ', COUNT(*))
FROM live_sessions WHERE teacher_id = @teacher;
SQL
