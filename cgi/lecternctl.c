/*
 * lecternctl: Lectern's command-line tool for operators.
 *
 *   lecternctl migrate                  apply schema migrations in order
 *   lecternctl create-admin --email E --name N [--password-stdin]
 *   lecternctl demo-data --accounts FILE
 *   lecternctl check-config
 *   lecternctl generate [--now "YYYY-MM-DD HH:MM:SS"]
 *                                       create the live sessions of the
 *                                       schedule rules (run daily); --now
 *                                       (UTC) pretends another instant,
 *                                       for tests
 *   lecternctl worker [--loop]          one pass of the background worker
 *                                       (generate, queue the 24-hour
 *                                       reminders, deliver due email);
 *                                       --loop repeats it every
 *                                       worker_interval seconds until
 *                                       SIGTERM or SIGINT
 *   lecternctl worker --retry-failed    put given-up email back in the
 *                                       queue
 *
 * Every command reads the configuration like the web binary does.
 * Exit status: 0 success, 1 failure, 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/clock.h"
#include "app.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "core/db.h"
#include "enrollment/generate.h"
#include "home/home.h"
#include "notify/mailmsg.h"
#include "core/model.h"
#include "notify/notify.h"
#include "people/people.h"
#include "core/tpl.h"
#include "people/people.h"
#include "lib/util.h"
#include "lib/valid.h"
#include "worker.h"

static struct config	 cfg;

static void
usage(void)
{
	fprintf(stderr, "usage: lecternctl migrate\n"
	    "       lecternctl create-admin --email EMAIL --name NAME "
	    "[--password-stdin]\n"
	    "       lecternctl demo-data --accounts FILE\n"
	    "       lecternctl check-config\n"
	    "       lecternctl generate [--now \"YYYY-MM-DD HH:MM:SS\"]\n"
	    "       lecternctl worker [--loop | --retry-failed]\n");
	exit(2);
}

static struct db *
open_db(int prepare)
{
	struct db	*db;
	char		 err[512];

	if ((db = db_open(&cfg, prepare, err, sizeof(err))) == NULL) {
		fprintf(stderr, "lecternctl: %s\n", err);
		exit(1);
	}
	return db;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a whole file into a NUL-terminated buffer (caller frees). */
static char *
read_file(const char *path)
{
	FILE	*f;
	struct buf b;
	char	 chunk[8192];
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	if (b.data == NULL)
		buf_puts(&b, "");
	return b.data;
}

/* Apply every schema/NNN-*.sql not yet recorded, in name order. */
static int
cmd_migrate(void)
{
	struct db	*db = open_db(0);
	struct arena	*a = arena_new();
	struct dbres	*res;
	DIR		*dir;
	struct dirent	*e;
	char		**names = NULL, *sql, *path, err[512];
	size_t		 n = 0, cap = 0, i, r, len;
	int		 applied = 0, done, rc = 1;

	if (db_script(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "name VARCHAR(200) NOT NULL PRIMARY KEY, "
	    "applied_at DATETIME NOT NULL) ENGINE=InnoDB "
	    "DEFAULT CHARSET=utf8mb4", err, sizeof(err)) != DB_OK) {
		fprintf(stderr, "lecternctl: %s\n", err);
		goto out;
	}
	if ((res = db_raw_query(db, a, "SELECT name FROM schema_migrations")) ==
	    NULL) {
		fprintf(stderr, "lecternctl: cannot read schema_migrations\n");
		goto out;
	}
	if ((dir = opendir(cfg.schema_dir)) == NULL) {
		fprintf(stderr, "lecternctl: %s: %s\n", cfg.schema_dir,
		    strerror(errno));
		goto out;
	}
	while ((e = readdir(dir)) != NULL) {
		len = strlen(e->d_name);
		if (len < 8 || strcmp(e->d_name + len - 4, ".sql") != 0 ||
		    e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof(char *));
		}
		names[n++] = arena_strdup(a, e->d_name);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof(char *), cmp_names);

	for (i = 0; i < n; i++) {
		for (done = 0, r = 0; r < res->nrows; r++)
			if (strcmp(res->vals[r], names[i]) == 0)
				done = 1;
		if (done)
			continue;
		path = arena_printf(a, "%s/%s", cfg.schema_dir, names[i]);
		if ((sql = read_file(path)) == NULL) {
			fprintf(stderr, "lecternctl: %s: %s\n", path,
			    strerror(errno));
			goto out;
		}
		if (db_script(db, sql, err, sizeof(err)) != DB_OK) {
			fprintf(stderr, "lecternctl: %s: %s\n", names[i], err);
			free(sql);
			goto out;
		}
		free(sql);
		if (db_exec_sql(db, "INSERT INTO schema_migrations (name, "
		    "applied_at) VALUES (?, UTC_TIMESTAMP())", "s",
		    names[i]) != DB_OK)
			goto out;
		printf("applied %s\n", names[i]);
		applied++;
	}
	printf("schema up to date (%d applied now)\n", applied);
	rc = 0;
out:
	free(names);
	arena_free(a);
	db_close(db);
	return rc;
}

/* Strip the trailing newline of a line read from stdin. */
static void
chomp(char *s)
{
	s[strcspn(s, "\r\n")] = '\0';
}

/*
 * Create a user, or (when it exists) set its role and password.
 * Returns 1 on success.
 */
static int
ensure_user(struct db *db, struct arena *a, const char *name,
    const char *email, enum role role, const char *pw)
{
	struct user	*u, nu;
	char		 hash[PW_HASH_MAX];

	if (db_user_by_email(db, a, email, &u) != DB_OK)
		return 0;
	if (u != NULL && u->password_hash != NULL &&
	    pw_verify(u->password_hash, pw) && u->role == role &&
	    !u->disabled)
		return 1;
	if (!pw_hash(pw, hash))
		return 0;
	if (u == NULL) {
		memset(&nu, 0, sizeof(nu));
		nu.name = (char *)name;
		nu.email = (char *)email;
		nu.role = role;
		return db_user_create(db, &nu, hash, 0, NULL) == DB_OK;
	}
	u->role = role;
	return db_user_update(db, u) == DB_OK &&
	    db_user_set_password(db, u->id, hash, 0) == DB_OK &&
	    db_user_set_disabled(db, u->id, 0) == DB_OK;
}

static int
cmd_create_admin(int argc, char *argv[])
{
	const char	*email = NULL, *name = NULL, *problem;
	char		 pw[PASSWORD_BYTES];
	int		 i, from_stdin = 0, rc;
	struct db	*db;
	struct arena	*a;
	struct user	*u;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--email") == 0 && i + 1 < argc)
			email = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--password-stdin") == 0)
			from_stdin = 1;
		else
			usage();
	}
	if (email == NULL || name == NULL)
		usage();
	if (!valid_email(email)) {
		fprintf(stderr, "lecternctl: not a valid email address\n");
		return 1;
	}
	if (*name == '\0' || !valid_text(name, strlen(name), 100, 0)) {
		fprintf(stderr, "lecternctl: the name must be 1 to 100 "
		    "characters\n");
		return 1;
	}
	if (from_stdin) {
		if (fgets(pw, sizeof(pw), stdin) == NULL) {
			fprintf(stderr, "lecternctl: no password on stdin\n");
			return 1;
		}
		chomp(pw);
		if ((problem = password_problem(pw, NULL)) != NULL) {
			fprintf(stderr, "lecternctl: %s\n", problem);
			return 1;
		}
	} else
		random_password(pw, 16);
	db = open_db(1);
	a = arena_new();
	if (db_user_by_email(db, a, email, &u) != DB_OK) {
		rc = 1;
	} else if (u != NULL) {
		fprintf(stderr, "lecternctl: a user with this email exists\n");
		rc = 1;
	} else if (!ensure_user(db, a, name, email, ROLE_ADMIN, pw)) {
		fprintf(stderr, "lecternctl: could not create the user\n");
		rc = 1;
	} else {
		printf("created administrator %s\n", email);
		if (!from_stdin)
			printf("password: %s\n", pw);
		rc = 0;
	}
	arena_free(a);
	db_close(db);
	return rc;
}

struct demo {
	const char	*name;
	const char	*email;
	enum role	 role;
};

static const struct demo demos[] = {
	{ "Ada Administrator", "admin@lectern.test", ROLE_ADMIN },
	{ "Tess Teacher", "tess.teacher@lectern.test", ROLE_TEACHER },
	{ "Theo Teacher", "theo.teacher@lectern.test", ROLE_TEACHER },
	{ "Lena Learner", "lena.learner@lectern.test", ROLE_LEARNER },
	{ "Liam Learner", "liam.learner@lectern.test", ROLE_LEARNER },
	{ "Lucia Learner", "lucia.learner@lectern.test", ROLE_LEARNER },
	{ "Leo Learner", "leo.learner@lectern.test", ROLE_LEARNER },
	{ "Lina Learner", "lina.learner@lectern.test", ROLE_LEARNER },
};

#define NDEMOS	(sizeof(demos) / sizeof(demos[0]))

/*
 * Create the demo accounts, keeping passwords already written to the
 * accounts file so that running it again changes nothing, and the demo
 * school around them (home/demo.c).
 */
static int
cmd_demo_data(int argc, char *argv[])
{
	const char	*file = NULL;
	char		 pws[NDEMOS][64], line[512], email[256], pw[64];
	char		 role[32], *tmp;
	FILE		*f;
	size_t		 i, nt = 0, nl = 0;
	struct db	*db;
	struct arena	*a;
	struct user	*u;
	struct demo_people people;
	struct demo_made made;
	int		 rc = 0;

	if (argc == 2 && strcmp(argv[0], "--accounts") == 0)
		file = argv[1];
	else
		usage();
	memset(pws, 0, sizeof(pws));
	memset(&people, 0, sizeof(people));
	if ((f = fopen(file, "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL) {
			if (sscanf(line, "%255s %63s %31s", email, pw, role) != 3)
				continue;
			for (i = 0; i < NDEMOS; i++)
				if (strcmp(demos[i].email, email) == 0 &&
				    password_problem(pw, NULL) == NULL)
					snprintf(pws[i], sizeof(pws[i]), "%s", pw);
		}
		fclose(f);
	}
	db = open_db(1);
	a = arena_new();
	for (i = 0; i < NDEMOS; i++) {
		if (pws[i][0] == '\0')
			random_password(pws[i], 14);
		if (!ensure_user(db, a, demos[i].name, demos[i].email,
		    demos[i].role, pws[i]) ||
		    db_user_by_email(db, a, demos[i].email, &u) != DB_OK ||
		    u == NULL) {
			fprintf(stderr, "lecternctl: could not set up %s\n",
			    demos[i].email);
			rc = 1;
		} else if (demos[i].role == ROLE_ADMIN)
			people.admin = u->id;
		else if (demos[i].role == ROLE_TEACHER && nt < 2)
			people.teachers[nt++] = u->id;
		else if (demos[i].role == ROLE_LEARNER && nl < 5)
			people.learners[nl++] = u->id;
	}
	if (rc == 0 && demo_school(db, &cfg, &people, time(NULL),
	    &made) != DB_OK) {
		fprintf(stderr, "lecternctl: could not set up the demo "
		    "school\n");
		rc = 1;
	} else if (rc == 0)
		printf("demo school: %d course%s, %d training session%s, "
		    "%d enrollment%s, %d rule%s, %d live lesson%s and %d "
		    "past classroom session%s added\n", made.courses,
		    made.courses == 1 ? "" : "s", made.trainings,
		    made.trainings == 1 ? "" : "s", made.enrollments,
		    made.enrollments == 1 ? "" : "s", made.rules,
		    made.rules == 1 ? "" : "s", made.lessons,
		    made.lessons == 1 ? "" : "s", made.classrooms,
		    made.classrooms == 1 ? "" : "s");
	if (rc == 0 && made.pictures > 0)
		printf("demo school: %d picture%s added\n", made.pictures,
		    made.pictures == 1 ? "" : "s");
	/* For a development conferencing server (etc/dev up gives it the
	 * recording; a real server has none, and the page says so). */
	if (rc == 0 && made.rec_meeting[0] != '\0')
		printf("demo recording: %s %lld %lld %s\n", made.rec_meeting,
		    made.rec_start, made.rec_end, made.rec_name);
	arena_free(a);
	db_close(db);
	if (rc != 0)
		return rc;

	tmp = arena_printf((a = arena_new()), "%s.tmp", file);
	if ((f = fopen(tmp, "w")) == NULL) {
		fprintf(stderr, "lecternctl: %s: %s\n", tmp, strerror(errno));
		arena_free(a);
		return 1;
	}
	for (i = 0; i < NDEMOS; i++)
		fprintf(f, "%s %s %s\n", demos[i].email, pws[i],
		    role_name(demos[i].role));
	if (fclose(f) != 0 || rename(tmp, file) != 0) {
		fprintf(stderr, "lecternctl: %s: %s\n", file, strerror(errno));
		rc = 1;
	}
	arena_free(a);
	return rc;
}

static int
cmd_check_config(void)
{
	char		 err[512];
	struct db	*db;

	printf("config file: %s\n", cfg.path);
	printf("database: %s on %s\n", cfg.db_name,
	    cfg.db_host ? cfg.db_host : cfg.db_socket);
	printf("db_password: %s\n", *cfg.db_password ? "(set)" : "(empty)");
	printf("base_url: %s\ntimezone: %s\n", cfg.base_url, cfg.timezone);
	printf("mail: %s from %s%s\n", cfg.mail_transport, cfg.mail_from,
	    mail_address_ok(cfg.mail_from) ? "" : " (not an address: "
	    "nothing can be sent)");
	if (!tpl_start(cfg.template_dir, err, sizeof(err))) {
		fprintf(stderr, "templates: %s\n", err);
		return 1;
	}
	printf("templates: ok (%s)\n", cfg.template_dir);
	if (access(cfg.tmp_dir, W_OK) != 0) {
		fprintf(stderr, "tmp_dir %s is not writable\n", cfg.tmp_dir);
		return 1;
	}
	if ((db = db_open(&cfg, 0, err, sizeof(err))) == NULL) {
		fprintf(stderr, "database: %s\n", err);
		return 1;
	}
	printf("database connection: ok\n");
	/* The server prepares each statement when first run: try all. */
	if (!db_check(db, err, sizeof(err))) {
		fprintf(stderr, "statements: %s (run lecternctl migrate?)\n",
		    err);
		db_close(db);
		return 1;
	}
	db_close(db);
	printf("statements: ok, every one prepares\n");
	return 0;
}

/*
 * Create the live sessions of every schedule rule up to the horizon and
 * print how many were created.  argv may hold --now with a UTC instant.
 * Returns 0, or 1 when the database fails.
 */
static int
cmd_generate(int argc, char *argv[])
{
	struct db	*db;
	struct arena	*a;
	time_t		 now = time(NULL);
	int		 created = 0, rc;

	if (argc == 2 && strcmp(argv[0], "--now") == 0) {
		if (!dbtime_parse(argv[1], &now)) {
			fprintf(stderr, "lecternctl: --now wants "
			    "\"YYYY-MM-DD HH:MM:SS\" (UTC)\n");
			return 2;
		}
	} else if (argc != 0)
		usage();
	db = open_db(1);
	a = arena_new();
	rc = generate_sessions(db, a, &cfg, now, &created) == DB_OK ? 0 : 1;
	if (rc == 0)
		printf("%d session%s created\n", created,
		    created == 1 ? "" : "s");
	else
		fprintf(stderr, "lecternctl: generating sessions failed "
		    "(%d created before the failure)\n", created);
	arena_free(a);
	db_close(db);
	return rc;
}

static void
on_stop(int sig)
{
	(void)sig;
	worker_stop();
}

/* Print what a pass did; in the loop only passes that did something. */
static void
print_pass(const struct worker_stats *st, int quiet)
{
	if (!quiet || st->generated != 0 || st->reminders != 0 ||
	    st->sent != 0 || st->retry != 0 || st->failed != 0 ||
	    st->dropped != 0 || st->released != 0)
		printf("worker: %d session%s generated, %d reminder%s "
		    "queued, %d sent, %d to retry, %d given up, %d stale "
		    "dropped, %lld claim%s released, %d left for the next "
		    "pass%s\n",
		    st->generated, st->generated == 1 ? "" : "s",
		    st->reminders, st->reminders == 1 ? "" : "s", st->sent,
		    st->retry, st->failed, st->dropped, st->released,
		    st->released == 1 ? "" : "s", st->left, st->down == 1 ?
		    " (the mail system is unreachable)" : st->down == 2 ?
		    " (mail_from is not an address)" : "");
	if (!quiet || st->classroom.stored != 0 || st->classroom.ended != 0 ||
	    st->classroom.failed != 0 || st->classroom.transcripts != 0)
		printf("worker: classrooms: %d recorded session%s checked, "
		    "%d recording%s stored, %d transcript%s fetched, "
		    "%d session%s ended (not running on the server), "
		    "%d provider failure%s\n",
		    st->classroom.checked, st->classroom.checked == 1 ? "" :
		    "s", st->classroom.stored, st->classroom.stored == 1 ? "" :
		    "s", st->classroom.transcripts,
		    st->classroom.transcripts == 1 ? "" : "s",
		    st->classroom.ended, st->classroom.ended == 1 ? "" :
		    "s", st->classroom.failed, st->classroom.failed == 1 ? "" :
		    "s");
	fflush(stdout);
}

/*
 * The background worker: one pass (for cron), or with --loop a pass
 * every worker_interval seconds until SIGTERM or SIGINT, which let the
 * message in hand finish.  --retry-failed requeues given-up messages.
 * Returns 0, or 1 when the database failed (a pass of the loop that
 * fails is logged and the loop goes on).
 */
static int
cmd_worker(int argc, char *argv[])
{
	struct worker_stats	 st;
	struct sigaction	 sa;
	struct timespec		 ts;
	struct db		*db;
	long long		 n = 0;
	int			 loop = 0, retry = 0, rc = 0, slept;

	if (argc == 1 && strcmp(argv[0], "--loop") == 0)
		loop = 1;
	else if (argc == 1 && strcmp(argv[0], "--retry-failed") == 0)
		retry = 1;
	else if (argc != 0)
		usage();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;	/* no SA_RESTART: sleeps end early */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);	/* a dead sendmail is an error */
	db = open_db(1);
	if (retry) {
		rc = db_outbox_requeue(db, &n) == DB_OK ? 0 : 1;
		if (rc == 0)
			printf("%lld message%s back in the queue\n", n,
			    n == 1 ? "" : "s");
		db_close(db);
		return rc;
	}
	do {
		if (worker_pass(db, &cfg, &st) != DB_OK) {
			fprintf(stderr, "lecternctl: worker: the pass stopped "
			    "on a database failure\n");
			rc = 1;
		} else
			rc = 0;
		print_pass(&st, loop);
		for (slept = 0; loop && !worker_stopping() &&
		    slept < cfg.worker_interval; slept++) {
			ts.tv_sec = 1;
			ts.tv_nsec = 0;
			(void)nanosleep(&ts, NULL);
		}
	} while (loop && !worker_stopping());
	db_close(db);
	return loop ? 0 : rc;
}

int
main(int argc, char *argv[])
{
	char	 err[512];

	app_init();
	if (argc < 2)
		usage();
	if (!config_load(&cfg, err, sizeof(err))) {
		fprintf(stderr, "lecternctl: config: %s\n", err);
		return 1;
	}
	if (!crypto_start()) {
		fprintf(stderr, "lecternctl: libsodium did not initialise\n");
		return 1;
	}
	if (strcmp(argv[1], "migrate") == 0 && argc == 2)
		return cmd_migrate();
	if (strcmp(argv[1], "create-admin") == 0)
		return cmd_create_admin(argc - 2, argv + 2);
	if (strcmp(argv[1], "demo-data") == 0)
		return cmd_demo_data(argc - 2, argv + 2);
	if (strcmp(argv[1], "check-config") == 0 && argc == 2)
		return cmd_check_config();
	if (strcmp(argv[1], "generate") == 0)
		return cmd_generate(argc - 2, argv + 2);
	if (strcmp(argv[1], "worker") == 0)
		return cmd_worker(argc - 2, argv + 2);
	usage();
	return 2;
}
