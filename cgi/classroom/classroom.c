/*
 * classroom.c: the classroom logic shared by the domain's pages and
 * used by the schedule: loading a session with the user's part in it,
 * joining it through the conferencing provider, ending it, and a live
 * lesson's classroom (opened by the first person who joins).
 *
 * The provider is called only by a join and an end: its "create" just
 * before the first join (it is idempotent), and again when the server
 * has lost the meeting; never at start and never while a page is
 * rendered.  A join asks the server itself for an address good for
 * that one join (BigBlueButton's join with redirect=false) and answers
 * with it (a redirect, an embedding page, or the Jitsi room page); the
 * signed join address never reaches the browser, and the answer's
 * address is never logged nor put in a shared page.
 *
 * Each of these clicks first asks whether the server answered lately
 * (conference/health.h): while it is marked as not answering, a join
 * fails at once with the friendly message and an end closes the
 * session here and leaves the server's side to the worker, so that a
 * stalled server never holds the web workers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "conference/health.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/handler.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/crypto.h"
#include "lib/csvfile.h"
#include "lib/escape.h"
#include "lib/util.h"
#include "lib/utf8.h"
#include "lib/valid.h"
#include "people/people.h"

#define SLIDE_LINK_TTL	(2 * 3600)	/* seconds a slide link lasts */
#define JITSI_TOKEN_TTL	(4 * 3600)	/* seconds a Jitsi token lasts */

const char classroom_unavailable[] = "The conferencing server is "
    "unavailable right now. Please try again in a minute.";

/* scheme://host[:port] of an address; an arena string, NULL if none. */
static char *
origin_of(struct arena *a, const char *url)
{
	const char	*p;

	if (url == NULL)
		return NULL;
	if (strncmp(url, "https://", 8) == 0)
		p = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		p = url + 7;
	else
		return NULL;
	p += strcspn(p, "/?#");
	return arena_strndup(a, url, (size_t)(p - url));
}

char *
classroom_back_path(struct req *r, const struct classroom *c)
{
	if (c->channel_id != 0)
		return arena_printf(r->a, "/platform/channels/%lld",
		    (long long)c->channel_id);
	return arena_printf(r->a, "/platform/sessions/%lld",
	    (long long)c->live_id);
}

void
classroom_csp_join(struct req *r)
{
	if (strcmp(conf_provider(r->cfg)->name, "bbb") == 0 &&
	    !r->cfg->bbb_embed)
		out_csp_allow(r, NULL, NULL, origin_of(r->a, r->cfg->bbb_url));
}

struct classroom *
classroom_load(struct req *r, struct classroom_access *acc,
    const char *missing)
{
	struct classroom	*c;
	enum db_rc		 rc;

	memset(acc, 0, sizeof(*acc));
	rc = db_classroom_get(r->db, r->a, r->ids[0], &c);
	if (!load_found(r, rc, c, missing))
		return NULL;
	if (c->deleted) {
		load_refuse(r, missing);
		return NULL;
	}
	if (db_classroom_access(r->db, c, r->user, acc) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	return c;
}

/* ------------------------------------------------------------------ */
/* Joining                                                             */

/*
 * The address the provider fetches slide id from, valid until exp
 * (unix seconds): "/files/slides/<id>?exp=<exp>&sig=<hex>", with
 * sig = conf_token(cfg, "slide", "<id>:<exp>") (page-room.c checks
 * it).  An arena string, relative to base_url.
 */
static char *
slide_path(const struct config *cfg, struct arena *a, int64_t id,
    long long exp)
{
	char	 sig[65], subject[64];

	snprintf(subject, sizeof(subject), "%lld:%lld", (long long)id, exp);
	conf_token(cfg, "slide", subject, sig);
	return arena_printf(a, "/files/slides/%lld?exp=%lld&sig=%s",
	    (long long)id, exp, sig);
}

/*
 * The end callback's address for meeting_id, absolute: it carries our
 * token (conf_token "end") and the meeting id, since BigBlueButton
 * adds only recordingmarks (page-callback.c).
 */
static char *
end_callback_url(const struct config *cfg, struct arena *a,
    const char *meeting_id)
{
	char	 tok[65];

	conf_token(cfg, "end", meeting_id, tok);
	return arena_printf(a, "%s/callbacks/bbb/end?token=%s&meetingID=%s",
	    cfg->base_url, tok, url_encode(a, meeting_id));
}

/* Log a provider call about session c that failed (never a secret). */
static void
log_conf(const struct classroom *c, const struct conf_provider *p,
    const char *what, enum conf_rc rc, const char *err)
{
	fprintf(stderr, "lectern: classroom %lld: %s %s failed (%s): %s\n",
	    (long long)c->id, p->name, what, rc == CONF_UNAVAILABLE ?
	    "unavailable" : rc == CONF_NOT_FOUND ? "not found" : "failed",
	    err ? err : "no reason given");
}

/*
 * Ask the provider to create the session's meeting (idempotent), with
 * the session's options, our callback addresses, its slides as signed
 * expiring links, and remember its createTime.  Returns 1, or 0 after
 * logging why (never a secret).
 */
static int
create_meeting(struct req *r, struct conf_pass *pass,
    struct classroom *c)
{
	const struct conf_provider	*p = pass->provider;
	struct conf_meeting	 m;
	struct room_slide	*sl;
	const char		*base = r->cfg->base_url;
	const char		*names[3], *values[3];
	const char		**urls, **files;
	char			*err = NULL;
	long long		 ct = 0, exp;
	size_t			 ns, i;
	enum conf_rc		 rc;

	if (db_room_slides(r->db, r->a, c->id, &sl, &ns) != DB_OK) {
		fprintf(stderr, "lectern: classroom %lld: slides not read\n",
		    (long long)c->id);
		return 0;
	}
	memset(&m, 0, sizeof(m));
	m.meeting_id = c->meeting_id;
	m.name = c->name;	/* the provider shortens it to its limit */
	m.welcome = c->description;
	m.record = c->record;
	/*
	 * The locks start as the form left camera and microphone and are
	 * changed by moderators; they are the truth for the next joins.
	 */
	m.allow_camera = !c->lock_camera;
	m.allow_mic = !c->lock_mic;
	m.mute_on_join = c->mute_on_join;
	m.logout_url = arena_printf(r->a, "%s%s", base,
	    classroom_back_path(r, c));
	m.end_callback_url = end_callback_url(r->cfg, r->a, c->meeting_id);
	m.recording_ready_url = arena_printf(r->a,
	    "%s/callbacks/bbb/recording-ready", base);
	m.analytics_url = arena_printf(r->a, "%s/callbacks/bbb/analytics",
	    base);
	names[0] = "lectern-school";
	values[0] = r->cfg->school_name;
	names[1] = "lectern-session";
	values[1] = arena_printf(r->a, "%lld", (long long)c->id);
	if (c->channel_id != 0) {
		names[2] = "lectern-channel";
		values[2] = arena_printf(r->a, "%lld",
		    (long long)c->channel_id);
	} else {
		names[2] = "lectern-lesson";
		values[2] = arena_printf(r->a, "%lld", (long long)c->live_id);
	}
	m.meta_names = names;
	m.meta_values = values;
	m.nmeta = 3;
	urls = arena_alloc(r->a, (ns + 1) * sizeof(*urls));
	files = arena_alloc(r->a, (ns + 1) * sizeof(*files));
	exp = (long long)time(NULL) + SLIDE_LINK_TTL;
	for (i = 0; i < ns; i++) {
		urls[i] = arena_printf(r->a, "%s%s", base,
		    slide_path(r->cfg, r->a, sl[i].id, exp));
		files[i] = sl[i].filename;
	}
	m.slide_urls = urls;
	m.slide_names = files;
	m.nslides = ns;

	rc = p->create(r->cfg, r->a, &m, &ct, &err);
	conf_health_after(r->db, r->a, pass);
	if (rc != CONF_OK) {
		log_conf(c, p, "create", rc, err);
		return 0;
	}
	if (db_classroom_set_created(r->db, c->id, ct) != DB_OK) {
		fprintf(stderr, "lectern: classroom %lld: createTime not "
		    "stored\n", (long long)c->id);
		return 0;
	}
	c->create_time = ct;
	return 1;
}

/* The Jitsi room page: the provider's script opens the room. */
static int
jitsi_page(struct req *r, const struct classroom *c,
    const struct conf_user *cu, const char *token)
{
	struct tpl_dict	*d;
	const char	*url = r->cfg->jitsi_url;
	char		*origin = origin_of(r->a, url);
	const char	*domain;
	size_t		 len = strlen(url);

	while (len > 0 && url[len - 1] == '/')
		len--;
	domain = origin ? strstr(origin, "://") + 3 : "";
	out_csp_allow(r, origin, origin, NULL);
	d = page_begin(r, "classroom-jitsi.tpl", c->name);
	tpl_set(d, "NAME", c->name);
	tpl_set(d, "SCRIPT_URL", arena_printf(r->a, "%.*s/external_api.js",
	    (int)len, url));
	tpl_set(d, "DOMAIN", domain);
	tpl_set(d, "ROOM", c->meeting_id);
	tpl_set(d, "JWT", token);
	tpl_set(d, "DISPLAY_NAME", cu->full_name);
	tpl_set(d, "AUDIO_MUTED", c->mute_on_join ? "1" : "0");
	tpl_set(d, "VIDEO_MUTED", c->allow_camera && !c->lock_camera ?
	    "0" : "1");
	tpl_set(d, "MODERATOR", cu->moderator ? "1" : "0");
	tpl_set_int(d, "SESSION_ID", (long long)c->id);
	tpl_set(d, "BACK", classroom_back_path(r, c));
	return page_send(r, 200);
}

/* The page that embeds the conferencing client (bbb_embed = 1). */
static int
embed_page(struct req *r, const struct classroom *c, const char *url)
{
	struct tpl_dict	*d;

	out_csp_allow(r, NULL, origin_of(r->a, url), NULL);
	d = page_begin(r, "classroom-embed.tpl", c->name);
	tpl_set(d, "NAME", c->name);
	/* The user's own join address, in a page answering their POST. */
	tpl_set(d, "JOIN_URL", url);
	tpl_set(d, "BACK", classroom_back_path(r, c));
	return page_send(r, 200);
}

/*
 * Ask the provider to let cu into c's meeting; *url gets the address
 * to send them to.  A meeting the server no longer has (it restarted,
 * or the meeting ended by itself while the session is still active
 * here) is made again (create is idempotent) and the join asked once
 * more, so that nobody lands on the server's "notFound".  Returns 1,
 * or 0 after logging why.
 */
static int
provider_join(struct req *r, struct conf_pass *pass, struct classroom *c,
    const struct conf_user *cu, char **url)
{
	const struct conf_provider	*p = pass->provider;
	char				*err = NULL;
	enum conf_rc			 rc;

	rc = p->join(r->cfg, r->a, c->meeting_id, c->create_time, cu, url,
	    &err);
	conf_health_after(r->db, r->a, pass);
	if (rc == CONF_NOT_FOUND) {
		fprintf(stderr, "lectern: classroom %lld: the %s server has "
		    "no meeting for it any more: made again\n",
		    (long long)c->id, p->name);
		if (!create_meeting(r, pass, c))
			return 0;
		err = NULL;
		rc = p->join(r->cfg, r->a, c->meeting_id, c->create_time, cu,
		    url, &err);
		conf_health_after(r->db, r->a, pass);
	}
	if (rc != CONF_OK || *url == NULL) {
		log_conf(c, p, "join", rc, err);
		return 0;
	}
	return 1;
}

int
classroom_join(struct req *r, struct classroom *c,
    const struct classroom_access *acc)
{
	const struct conf_provider	*p;
	struct conf_pass		 pass;
	struct conf_user		 cu;
	char				*url = NULL, *token = NULL, *sha;

	if (acc->role == CR_NONE && acc->removed)
		return send_error(r, 403, "A moderator removed you from this "
		    "session. You cannot rejoin it.");
	if (acc->role == CR_NONE)
		return send_error(r, 403, "Only members of this classroom "
		    "can join its session.");
	if (strcmp(c->status, "active") != 0) {
		flash_set(r, "This session has ended.");
		return send_redirect(r, classroom_back_path(r, c));
	}
	if ((p = conf_provider_named(c->provider)) == NULL) {
		fprintf(stderr, "lectern: classroom %lld: no provider %s\n",
		    (long long)c->id, c->provider);
		return send_error(r, 503, classroom_unavailable);
	}
	/* Not answering lately: say so now rather than wait for it. */
	if (!conf_health_admit(r->db, r->a, p, &pass))
		return send_error(r, 503, classroom_unavailable);
	if (c->create_time == 0 && !create_meeting(r, &pass, c))
		return send_error(r, 503, classroom_unavailable);
	memset(&cu, 0, sizeof(cu));
	cu.user_id = arena_printf(r->a, "%lld", (long long)r->user->id);
	cu.full_name = r->user->name;
	cu.moderator = acc->role == CR_MODERATOR;
	/*
	 * The picture goes by a signed address: the conferencing server
	 * and the other participants' clients fetch it without our
	 * sign-in cookie.
	 */
	if (db_avatar_tag(r->db, r->a, r->user->id, &sha) != DB_OK)
		return send_db_error(r);
	cu.avatar_url = avatar_signed_url(r->cfg, r->a, r->user->id, sha,
	    (long long)time(NULL) + AVATAR_LINK_TTL);
	/*
	 * With Jitsi the page's presence beacons count the joins and the
	 * minutes (page-room.c); counting the click too would count twice.
	 */
	if (strcmp(p->name, "jitsi") == 0) {
		token = jitsi_token(r->cfg, r->a, c->meeting_id, &cu,
		    (long long)time(NULL), JITSI_TOKEN_TTL);
		if (token == NULL) {
			fprintf(stderr, "lectern: classroom %lld: no jitsi "
			    "token (is jitsi_secret set?)\n",
			    (long long)c->id);
			return send_error(r, 503, classroom_unavailable);
		}
		return jitsi_page(r, c, &cu, token);
	}
	if (!provider_join(r, &pass, c, &cu, &url))
		return send_error(r, 503, classroom_unavailable);
	if (db_classroom_joined(r->db, c->id, r->user->id, cu.moderator) !=
	    DB_OK)
		return send_db_error(r);
	if (r->cfg->bbb_embed)
		return embed_page(r, c, url);
	return send_redirect_away(r, url);
}

/* ------------------------------------------------------------------ */
/* Ending                                                              */

enum db_rc
classroom_end(struct req *r, const struct classroom *c, const char *reason,
    int *ended, int *reached)
{
	const struct conf_provider	*p;
	struct conf_pass		 pass;
	char				*err = NULL;
	enum conf_rc			 rc;
	enum db_rc			 drc;

	*reached = 1;
	p = conf_provider_named(c->provider);
	if (p != NULL && c->create_time != 0 &&
	    !conf_health_admit(r->db, r->a, p, &pass)) {
		/* Not answering lately: the worker tells it later. */
		*reached = 0;
		fprintf(stderr, "lectern: classroom %lld: %s end not tried "
		    "(the server did not answer lately), ended here, the "
		    "worker retries\n", (long long)c->id, p->name);
	} else if (p != NULL && c->create_time != 0) {
		rc = p->end(r->cfg, r->a, c->meeting_id, &err);
		conf_health_after(r->db, r->a, &pass);
		if (rc != CONF_OK && rc != CONF_NOT_FOUND) {
			*reached = 0;
			fprintf(stderr, "lectern: classroom %lld: %s end "
			    "failed (%s), ended here, the worker retries: "
			    "%s\n", (long long)c->id, p->name,
			    rc == CONF_UNAVAILABLE ? "unavailable" : "failed",
			    err ? err : "no reason given");
		}
	}
	if ((drc = db_classroom_end(r->db, c->id, r->user->id, reason, NULL,
	    ended)) != DB_OK)
		return drc;
	/* Not fatal: the room still closes by itself once empty. */
	if (*ended && !*reached && db_classroom_end_pending(r->db, c->id) !=
	    DB_OK)
		fprintf(stderr, "lectern: classroom %lld: the pending end "
		    "was not stored\n", (long long)c->id);
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* A live lesson's classroom                                           */

struct classroom *
classroom_open_lesson(struct req *r, int64_t live_id, const char *name,
    struct classroom_access *acc)
{
	struct classroom	*c;
	char			 meeting[33];
	int64_t			 sid;

	memset(acc, 0, sizeof(*acc));
	random_hex(meeting, 16);
	if (db_classroom_open_lesson(r->db, live_id, r->user->id,
	    conf_provider(r->cfg)->name, meeting, name, &sid) != DB_OK ||
	    db_classroom_get(r->db, r->a, sid, &c) != DB_OK || c == NULL ||
	    db_classroom_access(r->db, c, r->user, acc) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	return c;
}

void
classroom_end_lesson(struct req *r, int64_t live_id)
{
	struct classroom	*c;
	int64_t			 sid;
	int			 ended, reached;

	if (db_classroom_lesson_active(r->db, live_id, &sid) != DB_OK ||
	    (sid != 0 && db_classroom_get(r->db, r->a, sid, &c) != DB_OK)) {
		fprintf(stderr, "lectern: lesson %lld: its classroom could "
		    "not be ended\n", (long long)live_id);
		return;
	}
	if (sid == 0 || c == NULL)
		return;
	if (classroom_end(r, c, "lesson completed", &ended, &reached) !=
	    DB_OK)
		fprintf(stderr, "lectern: lesson %lld: classroom %lld not "
		    "ended\n", (long long)live_id, (long long)sid);
}

/* ------------------------------------------------------------------ */
/* Faces: a person's picture, or their initials in their colour        */

/* The UTF-8 character at s copied to out (at most 4 bytes and NUL). */
static void
first_char(const char *s, char out[5])
{
	size_t	 n;

	out[0] = '\0';
	if (*s == '\0')
		return;
	if ((n = utf8_prefix(s, 1)) > UTF8_MAX)
		n = UTF8_MAX;
	memcpy(out, s, n);
	out[n] = '\0';
	if (n == 1 && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* Initials of a name: its first and last words' first letters. */
static char *
initials(struct arena *a, const char *name)
{
	const char	*last = NULL, *p;
	char		 one[5], two[5];

	while (*name == ' ')
		name++;
	for (p = name; *p != '\0'; p++)
		if (p[0] == ' ' && p[1] != ' ' && p[1] != '\0')
			last = p + 1;
	first_char(name, one);
	two[0] = '\0';
	if (last != NULL)
		first_char(last, two);
	return arena_printf(a, "%s%s", one, two);
}

/* The avatar colours of static/lectern.css: .avatar-c0 to -c7. */
#define AVATAR_COLOURS	8

/*
 * The colour class of a user's avatar (a class, not a style attribute:
 * the CSP forbids inline styles).  The same person has the same colour
 * everywhere.  Pure.
 */
static const char *
avatar_class(int64_t user_id)
{
	static const char *const classes[AVATAR_COLOURS] = {
		"avatar-c0", "avatar-c1", "avatar-c2", "avatar-c3",
		"avatar-c4", "avatar-c5", "avatar-c6", "avatar-c7"
	};

	return classes[(uint64_t)user_id % AVATAR_COLOURS];
}

void
classroom_face(struct req *r, struct tpl_dict *d, int64_t user_id,
    const char *name, const char *avatar)
{
	struct tpl_dict	*f;
	char		*url;

	if ((url = avatar_url(r->a, user_id, avatar)) != NULL) {
		tpl_set(tpl_section(d, "FACE_PHOTO"), "AVATAR_URL", url);
		return;
	}
	f = tpl_section(d, "FACE_INITIALS");
	tpl_set(f, "INITIALS", initials(r->a, name));
	tpl_set(f, "AVATAR_CLASS", avatar_class(user_id));
}

/* ------------------------------------------------------------------ */
/* Files a session keeps: slides, documents, whiteboards               */

char *
classroom_trimmed(struct arena *a, const char *s)
{
	size_t	len;

	if (s == NULL)
		return arena_strdup(a, "");
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	return arena_strndup(a, s, len);
}

char *
classroom_size_text(struct arena *a, long long n)
{
	if (n < 1024)
		return arena_printf(a, "%lld bytes", n);
	if (n < 1024 * 1024)
		return arena_printf(a, "%lld KB", (n + 1023) / 1024);
	return arena_printf(a, "%.1f MB", (double)n / (1024.0 * 1024.0));
}

char *
classroom_file_label(struct arena *a, const char *name, const char *fallback)
{
	struct buf	 b;
	const unsigned char *p;
	char		*out;
	size_t		 n = 0, k;

	buf_init(&b);
	for (p = (const unsigned char *)(name ? name : ""); *p != '\0' &&
	    n < 200; ) {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f || *p == '"' ||
			    *p == '\\' || *p == '/')
				buf_putc(&b, '_');
			else
				buf_putc(&b, (char)*p);
			p++;
			n++;
			continue;
		}
		k = utf8_seq((const char *)p);
		if (k > 1 && valid_text((const char *)p, k, 1, 0)) {
			buf_append(&b, p, k);
			p += k;
		} else {
			buf_putc(&b, '_');
			p++;
		}
		n++;
	}
	out = classroom_trimmed(a, b.data ? b.data : "");
	buf_free(&b);
	while (*out == '.')
		out++;
	if (*out == '\0')
		out = arena_strdup(a, fallback);
	return out;
}

char *
classroom_header_name(struct arena *a, const char *name)
{
	char	*s = arena_strdup(a, name), *p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ||
		    *p == '_' || *p == ' '))
			*p = '_';
	return s;
}

int
classroom_file_store(const struct config *cfg, struct arena *a,
    const char *sub, const char *data, size_t len, char stored[33])
{
	char	*dir, *tmp, *path;
	size_t	 off = 0;
	ssize_t	 w;
	int	 fd, e;

	dir = arena_printf(a, "%s/%s", cfg->data_dir, sub);
	if ((mkdir(cfg->data_dir, 0700) == -1 && errno != EEXIST) ||
	    (mkdir(dir, 0700) == -1 && errno != EEXIST)) {
		e = errno;
		fprintf(stderr, "lectern: %s: %s\n", dir, strerror(e));
		return e;
	}
	random_hex(stored, 16);
	tmp = arena_printf(a, "%s/.tmp-%s", dir, stored);
	path = arena_printf(a, "%s/%s", dir, stored);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		e = errno;
		fprintf(stderr, "lectern: %s: %s\n", tmp, strerror(e));
		return e;
	}
	while (off < len) {
		if ((w = write(fd, data + off, len - off)) <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			e = w == 0 ? ENOSPC : errno;
			fprintf(stderr, "lectern: %s: %s\n", tmp,
			    strerror(e));
			close(fd);
			unlink(tmp);
			return e;
		}
		off += (size_t)w;
	}
	if (fsync(fd) == -1 || close(fd) == -1 || rename(tmp, path) == -1) {
		e = errno;
		fprintf(stderr, "lectern: %s: %s\n", path, strerror(e));
		unlink(tmp);
		return e;
	}
	return 0;
}

int
classroom_file_read(struct req *r, const char *sub, const char *stored,
    char **data, size_t *len)
{
	struct stat	 st;
	FILE		*f;
	char		*path, *p;

	path = arena_printf(r->a, "%s/%s/%s", r->cfg->data_dir, sub, stored);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "lectern: %s: %s\n", path, strerror(errno));
		return 0;
	}
	if (fstat(fileno(f), &st) == -1 || st.st_size < 0) {
		fclose(f);
		return 0;
	}
	p = arena_alloc(r->a, (size_t)st.st_size + 1);
	*len = fread(p, 1, (size_t)st.st_size, f);
	fclose(f);
	*data = p;
	return *len == (size_t)st.st_size;
}

void
classroom_file_remove(struct req *r, const char *sub, const char *stored)
{
	const char	*path = arena_printf(r->a, "%s/%s/%s",
			    r->cfg->data_dir, sub, stored);

	if (unlink(path) == -1 && errno != ENOENT)
		fprintf(stderr, "lectern: %s: %s\n", path, strerror(errno));
}

#define CHART_STEP	24	/* x from one point to the next */
#define CHART_TOP	20	/* y of the highest bar or point */
#define CHART_BASE	90	/* y of the baseline */

void
classroom_chart(struct req *r, struct tpl_dict *c, const char *const *labels,
    const long long *bars, const long long *line, size_t n)
{
	struct tpl_dict	*e;
	long long	 maxb = 1, maxl = 1;
	const char	*points = "";
	size_t		 k;
	int		 h, x, y;

	for (k = 0; k < n; k++) {
		if (bars[k] > maxb)
			maxb = bars[k];
		if (line[k] > maxl)
			maxl = line[k];
	}
	tpl_set_int(c, "CHART_W", (long long)(CHART_POINTS * CHART_STEP + 8));
	for (k = 0; k < n; k++) {
		e = tpl_section(c, "POINT");
		tpl_set(e, "POINT_DATE", labels[k]);
		tpl_set_int(e, "POINT_BAR", bars[k]);
		tpl_set_int(e, "POINT_LINE", line[k]);
		h = (int)(bars[k] * (CHART_BASE - CHART_TOP) / maxb);
		x = (int)(k * CHART_STEP + 8);
		tpl_set_int(e, "POINT_X", (long long)x);
		tpl_set_int(e, "POINT_Y", (long long)(CHART_BASE - h));
		tpl_set_int(e, "POINT_H", (long long)h);
		y = CHART_BASE - (int)(line[k] * (CHART_BASE - CHART_TOP) /
		    maxl);
		tpl_set_int(e, "DOT_X", (long long)(x + 8));
		tpl_set_int(e, "DOT_Y", (long long)y);
		points = arena_printf(r->a, "%s%s%d,%d", points,
		    k > 0 ? " " : "", x + 8, y);
	}
	tpl_set(c, "SPARK_POINTS", points);
}

void
classroom_csv_cell(struct req *r, struct buf *b, const char *v, int last)
{
	const char	*s = csv_export_cell(r->a, v);

	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
	buf_puts(b, last ? "\r\n" : ",");
}
