/*
 * page-transcript.c: what a past session's record adds to its summary:
 * transcripts and the attendance download.  A moderator of the session
 * (a channel admin, a site administrator, the lesson's teacher: the
 * right the summary's recording actions ask for) uploads a WebVTT file
 * with speaker voice tags; it is read whole by lib/vtt.c and stored as
 * its cues in one transaction, or refused with the reader's sentence
 * and nothing stored.  The viewer groups consecutive lines of one
 * speaker; each group's time links to that part of the session's
 * recording with a media fragment (#t=start,end), and when the
 * recording's address is a media file the page also plays it beside
 * the transcript (static/transcript.js highlights the current line and
 * seeks on a click).  Whoever may read the summary may read its
 * transcripts and attendance; nobody else learns they exist.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "classroom/classroom.h"
#include "core/config.h"
#include "core/db.h"
#include "core/model.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/csvfile.h"
#include "lib/util.h"
#include "lib/vtt.h"

static const char no_session[] = "There is no such classroom session.";
static const char no_transcript[] = "There is no such transcript.";

/*
 * The session of the path when the user may read its summary (its
 * members and admins, and people removed from it), else NULL after
 * sending 404 or 503.
 */
static struct classroom *
record_load(struct req *r, struct classroom_access *acc)
{
	struct classroom	*c;

	if ((c = classroom_load(r, acc, no_session)) == NULL)
		return NULL;
	if (acc->role == CR_NONE && !acc->removed) {
		send_error(r, 404, no_session);
		return NULL;
	}
	return c;
}

/* The transcript r->ids[1] of session c, or NULL after 404 or 503. */
static struct classroom_transcript *
transcript_load(struct req *r, const struct classroom *c)
{
	struct classroom_transcript	*t;

	if (db_transcript_get(r->db, r->a, r->ids[1], &t) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	if (t == NULL || t->session_id != c->id) {
		send_error(r, 404, no_transcript);
		return NULL;
	}
	return t;
}

/*
 * The name a transcript is listed with: the uploaded name with
 * printable ASCII kept and anything else as '_', at most 200 bytes;
 * "transcript.vtt" when nothing is left.  An arena string.
 */
static char *
transcript_name(struct arena *a, const char *name)
{
	char	*s = arena_strndup(a, name ? name : "", 200), *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == '"' || *p == '\\' || *p == '/')
			*p = '_';
	for (p = s; *p == ' ' || *p == '.'; p++)
		continue;
	return *p != '\0' ? p : arena_strdup(a, "transcript.vtt");
}

/* The largest transcript file taken.  */
static size_t
transcript_limit(const struct req *r)
{
	return r->cfg->upload_limit < (size_t)VTT_MAX_BYTES ?
	    r->cfg->upload_limit : (size_t)VTT_MAX_BYTES;
}

/*
 * POST /platform/classroom/:id/transcripts: a moderator adds a WebVTT
 * transcript to an ended session.  A bad file gets the reader's
 * sentence and nothing is stored.
 * Statuses: 303, 403, 404, 409, 413, 422, 503.
 */
int
page_transcript_upload(struct req *r)
{
	struct classroom	*c;
	struct classroom_access	 acc;
	struct classroom_transcript *list;
	struct vtt_cue		*cues;
	const struct pval	*pv = P(r, "file");
	char			*data, err[200];
	size_t			 len, n, nlist;
	int64_t			 id;

	if ((c = record_load(r, &acc)) == NULL)
		return r->status;
	if (!acc.admin)
		return send_error(r, 403, "Only the classroom's moderators "
		    "can add transcripts.");
	if (strcmp(c->status, "ended") != 0)
		return send_error(r, 409, "This session is still in progress: "
		    "add its transcript once it has ended.");
	if (pv == NULL || pv->file == NULL || pv->file->size == 0)
		return send_error(r, 422, "Choose a WebVTT file (.vtt) to "
		    "upload.");
	if (pv->file->size > transcript_limit(r))
		return send_error(r, 413, arena_printf(r->a, "The file is "
		    "larger than %zu KB: a transcript holds at most that.",
		    transcript_limit(r) / 1024));
	if (db_transcripts(r->db, r->a, c->id, &list, &nlist) != DB_OK)
		return send_db_error(r);
	if (nlist >= TRANSCRIPTS_MAX)
		return send_error(r, 409, "A session holds at most 50 "
		    "transcripts.");
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	if (!vtt_parse(r->a, data, len, &cues, &n, err, sizeof(err)))
		return send_error(r, 422, arena_printf(r->a, "This transcript "
		    "was not added. %s", err));
	if (db_transcript_add(r->db, c->id, r->user->id,
	    transcript_name(r->a, pv->file->filename), cues, n, &id) != DB_OK)
		return send_db_error(r);
	return send_redirect(r, arena_printf(r->a,
	    "/platform/classroom/%lld/transcripts/%lld", (long long)c->id,
	    (long long)id));
}

/* Every cue of transcript t, read TRANSCRIPT_BATCH a statement. */
static int
all_cues(struct req *r, const struct classroom_transcript *t,
    struct classroom_cue **out, size_t *n)
{
	struct classroom_cue	*batch, *all;
	size_t			 got, cap = 0;
	long long		 from = 0;

	*out = NULL;
	*n = 0;
	for (;;) {
		if (db_transcript_cues(r->db, r->a, t->id, from,
		    TRANSCRIPT_BATCH, &batch, &got) != DB_OK)
			return 0;
		if (*n + got > cap) {
			cap = (*n + got) * 2;
			all = arena_alloc(r->a, cap * sizeof(*all));
			if (*n > 0)
				memcpy(all, *out, *n * sizeof(*all));
			*out = all;
		}
		if (got > 0)
			memcpy(*out + *n, batch, got * sizeof(*batch));
		*n += got;
		if (got < TRANSCRIPT_BATCH)
			return 1;
		from = batch[got - 1].idx + 1;
	}
}

/* 1 when cues a and b have the same speaker (or both none).  Pure. */
static int
same_speaker(const struct classroom_cue *a, const struct classroom_cue *b)
{
	if (a->speaker == NULL || b->speaker == NULL)
		return a->speaker == b->speaker;
	return strcmp(a->speaker, b->speaker) == 0;
}

/* Seconds of ms as a media fragment wants them: "12", "12.5". */
static char *
fragment_time(struct arena *a, long long ms)
{
	if (ms % 1000 == 0)
		return arena_printf(a, "%lld", ms / 1000);
	return arena_printf(a, "%lld.%03lld", ms / 1000, ms % 1000);
}

/* "M:SS" or "H:MM:SS" of ms; an arena string. */
static char *
clock_text(struct arena *a, long long ms)
{
	char	 s[32];

	vtt_clock(ms, s, sizeof(s));
	return arena_strdup(a, s);
}

/*
 * The recording of session sid to link to: the first published one
 * with a playback address, NULL when none.
 */
static const struct classroom_rec *
recording(struct req *r, int64_t sid, int *failed)
{
	struct classroom_rec	*recs;
	size_t			 n, i;

	*failed = 0;
	if (db_classroom_recordings(r->db, r->a, sid, &recs, &n) != DB_OK) {
		*failed = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (recs[i].playback_url != NULL &&
		    strcmp(recs[i].state, "published") == 0 &&
		    (strncmp(recs[i].playback_url, "https://", 8) == 0 ||
		    strncmp(recs[i].playback_url, "http://", 7) == 0))
			return &recs[i];
	return NULL;
}

/*
 * When url names a media file (by the end of its path): "video" or
 * "audio", else NULL; its origin into *origin.
 */
static const char *
media_kind(struct arena *a, const char *url, char **origin)
{
	static const struct {
		const char	*ext;
		const char	*kind;
	} exts[] = {
		{ ".mp4", "video" }, { ".m4v", "video" }, { ".webm", "video" },
		{ ".ogv", "video" }, { ".mp3", "audio" }, { ".m4a", "audio" },
		{ ".ogg", "audio" }, { ".oga", "audio" }, { ".opus", "audio" },
		{ ".wav", "audio" },
	};
	const char	*host, *end;
	size_t		 len, i, k;

	host = strstr(url, "://") + 3;
	end = host + strcspn(host, "/?#");
	*origin = arena_strndup(a, url, (size_t)(end - url));
	len = strcspn(url, "?#");
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		k = strlen(exts[i].ext);
		if (len > k && (size_t)(end - url) < len - k + 1 &&
		    strncasecmp(url + len - k, exts[i].ext, k) == 0)
			return exts[i].kind;
	}
	return NULL;
}

/* The lines of a cue's text into repetitions of TEXT_LINE of d. */
static void
text_lines(struct req *r, struct tpl_dict *d, const char *text)
{
	struct tpl_dict	*e;
	const char	*p;
	size_t		 k;

	for (p = text; ; p += k + 1) {
		k = strcspn(p, "\n");
		e = tpl_section(d, "TEXT_LINE");
		tpl_set(e, "T", arena_strndup(r->a, p, k));
		if (p != text)
			tpl_show(e, "BR");
		if (p[k] == '\0')
			break;
	}
}

/*
 * GET /platform/classroom/:id/transcripts/:id: the transcript, lines
 * grouped by speaker, each group's time a link into the recording.
 * Statuses: 200, 404, 503.
 */
int
page_transcript(struct req *r)
{
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_transcript	*t;
	struct classroom_cue		*cues;
	const struct classroom_rec	*rec;
	struct tpl_dict			*d, *g = NULL, *l, *m;
	const char			*kind = NULL;
	char				*origin = NULL;
	size_t				 n, i, j;
	int				 failed;

	if ((c = record_load(r, &acc)) == NULL)
		return r->status;
	if ((t = transcript_load(r, c)) == NULL)
		return r->status;
	rec = recording(r, c->id, &failed);
	if (failed || !all_cues(r, t, &cues, &n))
		return send_db_error(r);
	if (rec != NULL)
		kind = media_kind(r->a, rec->playback_url, &origin);
	if (kind != NULL)
		out_csp_media(r, origin);
	d = page_begin(r, "classroom-transcript.tpl",
	    arena_printf(r->a, "Transcript: %s", c->name));
	tpl_set_int(d, "SESSION_ID", (long long)c->id);
	tpl_set_int(d, "TRANSCRIPT_ID", (long long)t->id);
	tpl_set(d, "NAME", c->name);
	tpl_set(d, "FILENAME", t->filename);
	tpl_set(d, "CREATED", show_time(r, t->created_at));
	tpl_set(d, "STARTED", show_time(r, c->started_at));
	tpl_set_int(d, "CUES", t->cues);
	if (kind != NULL) {
		m = tpl_section(d, strcmp(kind, "video") == 0 ? "VIDEO" :
		    "AUDIO");
		tpl_set(m, "MEDIA_URL", rec->playback_url);
	}
	if (rec != NULL)
		tpl_set(tpl_section(d, "WATCH"), "PLAYBACK_URL",
		    rec->playback_url);
	else
		tpl_show(d, "NO_RECORDING");
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && same_speaker(&cues[i], &cues[j]); j++)
			continue;
		g = tpl_section(d, "GROUP");
		tpl_set(g, "SPEAKER", cues[i].speaker ? cues[i].speaker :
		    "Unknown speaker");
		tpl_set(g, "FROM", clock_text(r->a, cues[i].start_ms));
		tpl_set(g, "TO", clock_text(r->a, cues[j - 1].end_ms));
		if (rec != NULL)
			tpl_set(tpl_section(g, "SEGMENT"), "SEGMENT_URL",
			    arena_printf(r->a, "%s#t=%s,%s", rec->playback_url,
			    fragment_time(r->a, cues[i].start_ms),
			    fragment_time(r->a, cues[j - 1].end_ms)));
		else
			tpl_show(g, "NO_SEGMENT");
		for (; i < j; i++) {
			l = tpl_section(g, "LINE");
			tpl_set_int(l, "IDX", cues[i].idx);
			tpl_set(l, "START", fragment_time(r->a,
			    cues[i].start_ms));
			tpl_set(l, "END", fragment_time(r->a, cues[i].end_ms));
			tpl_set(l, "AT", clock_text(r->a, cues[i].start_ms));
			text_lines(r, l, cues[i].text);
		}
	}
	return page_send(r, 200);
}

/*
 * GET /platform/classroom/:id/transcripts/:id/download: the transcript
 * as a UTF-8 text file, grouped by speaker as on the page.
 * Statuses: 200, 404, 503.
 */
int
page_transcript_download(struct req *r)
{
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_transcript	*t;
	struct classroom_cue		*cues;
	struct buf			 b;
	size_t				 n, i, j;
	int				 status;

	if ((c = record_load(r, &acc)) == NULL)
		return r->status;
	if ((t = transcript_load(r, c)) == NULL)
		return r->status;
	if (!all_cues(r, t, &cues, &n))
		return send_db_error(r);
	buf_init(&b);
	buf_printf(&b, "Transcript of \"%s\" (%s), started %s\n"
	    "From %s.\n", c->name, c->room_name, show_time(r, c->started_at),
	    t->filename);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && same_speaker(&cues[i], &cues[j]); j++)
			continue;
		buf_printf(&b, "\n[%s - %s] %s:\n",
		    clock_text(r->a, cues[i].start_ms),
		    clock_text(r->a, cues[j - 1].end_ms),
		    cues[i].speaker ? cues[i].speaker : "Unknown speaker");
		for (; i < j; i++)
			buf_printf(&b, "%s\n", cues[i].text);
	}
	status = send_download(r, "text/plain; charset=utf-8",
	    arena_printf(r->a, "classroom-%lld-transcript-%lld.txt",
	    (long long)c->id, (long long)t->id), b.data ? b.data : "", b.len);
	buf_free(&b);
	return status;
}

/*
 * GET /platform/classroom/:id/summary/attendance: who joined the
 * session as CSV: name, email, first join and last leave (UTC),
 * minutes, joins.  For whoever may read the summary.
 * Statuses: 200, 404, 503.
 */
int
page_classroom_attendance(struct req *r)
{
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_attendee	*p;
	struct buf			 b;
	size_t				 n, i;
	int				 status;

	if ((c = record_load(r, &acc)) == NULL)
		return r->status;
	if (db_classroom_attendance(r->db, r->a, c->id, &p, &n) != DB_OK)
		return send_db_error(r);
	buf_init(&b);
	buf_puts(&b, "Name,Email,First join (UTC),Last leave (UTC),Minutes,"
	    "Joins\r\n");
	for (i = 0; i < n; i++) {
		classroom_csv_cell(r, &b, p[i].name, 0);
		classroom_csv_cell(r, &b, p[i].email, 0);
		classroom_csv_cell(r, &b, p[i].first_join_at, 0);
		classroom_csv_cell(r, &b, p[i].last_leave_at, 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld", p[i].minutes), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld", p[i].joins), 1);
	}
	status = send_download(r, "text/csv; charset=utf-8",
	    arena_printf(r->a, "classroom-%lld-attendance.csv",
	    (long long)c->id), b.data, b.len);
	buf_free(&b);
	return status;
}
