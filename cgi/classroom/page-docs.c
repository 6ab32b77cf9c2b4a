/*
 * page-docs.c: the documents and whiteboards of a session's record.  A
 * moderator of the session (a channel admin, a site administrator, the
 * lesson's teacher: the right transcripts ask for) adds a document
 * (PDF, plain UTF-8 text, or an office file: Word, Excel, PowerPoint,
 * OpenDocument), recognised by its content and kept as uploaded, or a
 * whiteboard snapshot (PNG or JPEG), of which only a new JPEG made by
 * lib/image.c is kept.  Files live under the data directory by a
 * random name; the name people gave is only shown.  A refused file
 * leaves no row and no file.  Whoever may read the summary may open
 * them: a document always as a download of its own type, a whiteboard
 * as a picture under a policy that runs nothing; nobody else learns
 * they exist.  The summary's Documents card lists the slides shared in
 * the room too.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "classroom/classroom.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/image.h"
#include "lib/util.h"
#include "lib/valid.h"

static const char no_session[] = "There is no such classroom session.";

/* A kind of document Lectern takes, as its content shows it. */
struct doc_type {
	const char	*ext;		/* the download's, without the dot */
	const char	*ctype;		/* what it is served as */
	const char	*label;		/* for people */
};

static const struct doc_type doc_types[] = {
	{ "pdf", "application/pdf", "PDF" },
	{ "txt", "text/plain; charset=utf-8", "Text" },
	{ "docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document", "Word" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", "Excel" },
	{ "pptx", "application/vnd.openxmlformats-officedocument."
	    "presentationml.presentation", "PowerPoint" },
	{ "odt", "application/vnd.oasis.opendocument.text", "OpenDocument "
	    "text" },
	{ "ods", "application/vnd.oasis.opendocument.spreadsheet",
	    "OpenDocument spreadsheet" },
	{ "odp", "application/vnd.oasis.opendocument.presentation",
	    "OpenDocument presentation" },
	{ "doc", "application/msword", "Word" },
	{ "xls", "application/vnd.ms-excel", "Excel" },
	{ "ppt", "application/vnd.ms-powerpoint", "PowerPoint" },
};

#define NTYPES	(sizeof(doc_types) / sizeof(doc_types[0]))

/* The type with extension ext, or NULL.  Pure. */
static const struct doc_type *
type_by_ext(const char *ext)
{
	size_t	 i;

	for (i = 0; i < NTYPES; i++)
		if (strcmp(doc_types[i].ext, ext) == 0)
			return &doc_types[i];
	return NULL;
}

/* 1 when name ends with "." and ext, in any case.  Pure. */
static int
has_ext(const char *name, const char *ext)
{
	size_t	 n = strlen(name), e = strlen(ext);

	return n > e && name[n - e - 1] == '.' &&
	    strcasecmp(name + n - e, ext) == 0;
}

/* 1 when the len bytes at p hold needle somewhere.  Pure. */
static int
holds(const char *p, size_t len, const char *needle)
{
	size_t	 n = strlen(needle);

	return len >= n && memmem(p, len, needle, n) != NULL;
}

/*
 * What an uploaded file is, by its content: a PDF by its header, an
 * OpenDocument file by the "mimetype" entry its ZIP begins with, an
 * Office Open XML file by its ZIP's part names, an older Office file
 * by the compound file signature (its kind from the name, the one
 * thing the content does not tell cheaply), text when it is all
 * well-formed UTF-8 without control characters.  NULL: none of these.
 * Pure.
 */
static const struct doc_type *
doc_type(const char *data, size_t len, const char *name)
{
	static const char ole[8] = {
		(char)0xd0, (char)0xcf, 0x11, (char)0xe0, (char)0xa1,
		(char)0xb1, 0x1a, (char)0xe1
	};
	static const char odf[] = "application/vnd.oasis.opendocument.";
	const unsigned char *u = (const unsigned char *)data;
	size_t		 at;

	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return type_by_ext("pdf");
	if (len >= 30 && memcmp(data, "PK\003\004", 4) == 0) {
		at = 30 + (size_t)(u[26] | u[27] << 8) +
		    (size_t)(u[28] | u[29] << 8);
		if (len >= 38 && memcmp(data + 30, "mimetype", 8) == 0 &&
		    len > at + sizeof(odf) - 1 &&
		    memcmp(data + at, odf, sizeof(odf) - 1) == 0) {
			at += sizeof(odf) - 1;
			if (len - at >= 4 && memcmp(data + at, "text", 4) == 0)
				return type_by_ext("odt");
			if (len - at >= 11 &&
			    memcmp(data + at, "spreadsheet", 11) == 0)
				return type_by_ext("ods");
			if (len - at >= 12 &&
			    memcmp(data + at, "presentation", 12) == 0)
				return type_by_ext("odp");
			return NULL;
		}
		if (!holds(data, len, "[Content_Types].xml"))
			return NULL;
		if (holds(data, len, "word/document.xml"))
			return type_by_ext("docx");
		if (holds(data, len, "xl/workbook.xml"))
			return type_by_ext("xlsx");
		if (holds(data, len, "ppt/presentation.xml"))
			return type_by_ext("pptx");
		return NULL;
	}
	if (len >= sizeof(ole) && memcmp(data, ole, sizeof(ole)) == 0) {
		if (has_ext(name, "doc"))
			return type_by_ext("doc");
		if (has_ext(name, "xls"))
			return type_by_ext("xls");
		if (has_ext(name, "ppt"))
			return type_by_ext("ppt");
		return NULL;
	}
	if (memchr(data, '\0', len) == NULL && valid_text(data, len, len, 1))
		return type_by_ext("txt");
	return NULL;
}

/*
 * The name a download gets: label, with ".ext" added unless it ends
 * so already (a text called "page.html" is downloaded as
 * "page.html.txt").  An arena string.
 */
static char *
download_name(struct arena *a, const char *label, const char *ext)
{
	return has_ext(label, ext) ? arena_strdup(a, label) :
	    arena_printf(a, "%s.%s", label, ext);
}

/* The largest file taken: the installation's upload limit. */
static size_t
doc_limit(const struct req *r)
{
	return r->cfg->upload_limit;
}

/*
 * The session of the path when the user may read its record (its
 * members and admins, and people removed from it), else NULL after
 * sending 404 or 503.
 */
static struct classroom *
docs_session(struct req *r, struct classroom_access *acc)
{
	struct classroom	*c = classroom_load(r, acc, no_session);

	if (c != NULL && acc->role == CR_NONE && !acc->removed) {
		send_error(r, 404, no_session);
		c = NULL;
	}
	return c;
}

/*
 * The checks every upload makes, in order: the session readable, the
 * user its moderator, a file chosen and not too large, room for one
 * more of the kind.  Returns the session with the file read into
 * *data, or NULL once answered.
 */
static struct classroom *
upload_begin(struct req *r, enum doc_kind kind, const char *what,
    const char **name, char **data, size_t *len)
{
	struct classroom	*c;
	struct classroom_access	 acc;
	struct classroom_doc	*list;
	const struct pval	*pv = P(r, "file");
	size_t			 n;

	if ((c = docs_session(r, &acc)) == NULL)
		return NULL;
	if (!acc.admin) {
		send_error(r, 403, arena_printf(r->a, "Only the classroom's "
		    "moderators can add %ss.", what));
		return NULL;
	}
	if (pv == NULL || pv->file == NULL || pv->file->size == 0) {
		send_error(r, 422, kind == DOC_WHITEBOARD ? "Choose a PNG or "
		    "JPEG picture of the whiteboard to upload (the file was "
		    "missing or empty)." : "Choose a document to upload: a "
		    "PDF, a text file or an office file (the file was "
		    "missing or empty).");
		return NULL;
	}
	if (pv->file->size > doc_limit(r)) {
		send_error(r, 413, arena_printf(r->a, "The file is larger "
		    "than %s: a %s holds at most that.", classroom_size_text(
		    r->a, (long long)doc_limit(r)), what));
		return NULL;
	}
	if (db_docs(r->db, r->a, c->id, kind, &list, &n) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	if (n >= DOCS_MAX) {
		send_error(r, 409, arena_printf(r->a, "A session holds at "
		    "most %d %ss.", DOCS_MAX, what));
		return NULL;
	}
	if (!req_upload_read(r, pv->file, data, len)) {
		send_error(r, 500, NULL);
		return NULL;
	}
	*name = pv->file->filename;
	return c;
}

/*
 * Keep data as a new file of kind for session c, listed as title (the
 * file's name when none was typed), and its row; then back to the
 * summary's card.  A row that cannot be written takes its file away.
 */
static int
upload_finish(struct req *r, const struct classroom *c, enum doc_kind kind,
    const char *label, const char *filename, const char *ctype,
    const char *data, size_t len)
{
	const char	*sub = kind == DOC_WHITEBOARD ? WHITEBOARD_DIR :
			    DOCUMENT_DIR;
	const char	*title = classroom_trimmed(r->a, P_str(r, "title"));
	char		 stored[33];
	int64_t		 id;

	if (*title == '\0')
		title = label;
	if (!classroom_file_store(r->cfg, r->a, sub, data, len, stored))
		return send_error(r, 500, "The file could not be stored. "
		    "The problem has been logged.");
	if (db_doc_add(r->db, c->id, r->user->id, kind, title, filename,
	    ctype, stored, (long long)len, &id) != DB_OK) {
		classroom_file_remove(r, sub, stored);
		return send_db_error(r);
	}
	flash_set(r, kind == DOC_WHITEBOARD ? "The whiteboard was added." :
	    "The document was added.");
	return send_redirect(r, arena_printf(r->a,
	    "/platform/classroom/%lld/summary#%s", (long long)c->id,
	    kind == DOC_WHITEBOARD ? "whiteboards" : "documents"));
}

/*
 * POST /platform/classroom/:id/documents (multipart): a moderator adds
 * a document to the session's record.
 * Statuses: 303, 403, 404, 409, 413, 422, 500, 503.
 */
int
page_doc_upload(struct req *r)
{
	struct classroom	*c;
	const struct doc_type	*t;
	const char		*name;
	char			*data, *label;
	size_t			 len;

	if ((c = upload_begin(r, DOC_DOCUMENT, "document", &name, &data,
	    &len)) == NULL)
		return r->status;
	label = classroom_file_label(r->a, name, "document");
	if ((t = doc_type(data, len, label)) == NULL)
		return send_error(r, 422, "This file is not a document Lectern "
		    "takes. Upload a PDF, a plain text file (UTF-8), or a "
		    "Word, Excel, PowerPoint or OpenDocument file.");
	return upload_finish(r, c, DOC_DOCUMENT, label,
	    download_name(r->a, label, t->ext), t->ctype, data, len);
}

/*
 * POST /platform/classroom/:id/whiteboards (multipart): a moderator
 * adds a whiteboard snapshot; what is kept is a JPEG made from it.
 * Statuses: 303, 403, 404, 409, 413, 422, 500, 503.
 */
int
page_whiteboard_upload(struct req *r)
{
	struct classroom	*c;
	struct image_limits	 lim;
	const char		*name;
	char			*data, *jpeg, *label, *dot;
	size_t			 len, jlen;
	unsigned		 w, h;

	if ((c = upload_begin(r, DOC_WHITEBOARD, "whiteboard", &name, &data,
	    &len)) == NULL)
		return r->status;
	memset(&lim, 0, sizeof(lim));
	lim.max_side = WHITEBOARD_MAX_SIDE;
	lim.max_pixels = WHITEBOARD_MAX_PIXELS;
	lim.side = WHITEBOARD_SIDE;
	lim.quality = WHITEBOARD_QUALITY;
	switch (image_fit(r->a, data, len, &lim, &jpeg, &jlen, &w, &h)) {
	case IMAGE_OK:
		break;
	case IMAGE_NOT_IMAGE:
		return send_error(r, 422, "This file is not a PNG or JPEG "
		    "picture. Export the whiteboard as PNG or JPEG and upload "
		    "that.");
	case IMAGE_TOO_MANY_PIXELS:
		return send_error(r, 422, arena_printf(r->a, "The picture is "
		    "%u × %u pixels: at most %d pixels a side and %lu "
		    "megapixels are accepted.", w, h, WHITEBOARD_MAX_SIDE,
		    WHITEBOARD_MAX_PIXELS / 1000000));
	case IMAGE_DAMAGED:
		return send_error(r, 422, "This picture is damaged or "
		    "incomplete and could not be read.");
	default:
		return send_error(r, 500, NULL);
	}
	label = classroom_file_label(r->a, name, "whiteboard");
	if ((dot = strrchr(label, '.')) != NULL && dot != label &&
	    (has_ext(label, "png") || has_ext(label, "jpg") ||
	    has_ext(label, "jpeg")))
		*dot = '\0';
	return upload_finish(r, c, DOC_WHITEBOARD, label,
	    arena_printf(r->a, "%s.jpg", label), "image/jpeg", jpeg, jlen);
}

/*
 * The file r->ids[1] of kind of the path's session (its session into
 * *cp), or NULL once answered (404: not the session's).
 */
static struct classroom_doc *
doc_find(struct req *r, enum doc_kind kind, struct classroom **cp)
{
	struct classroom_access	 acc;
	struct classroom	*c;
	struct classroom_doc	*d;
	const char		*kname = kind == DOC_WHITEBOARD ?
				    "whiteboard" : "document";

	if ((c = docs_session(r, &acc)) == NULL)
		return NULL;
	if (db_doc_get(r->db, r->a, r->ids[1], &d) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	if (d == NULL || d->session_id != c->id ||
	    strcmp(d->kind, kname) != 0) {
		send_error(r, 404, arena_printf(r->a, "There is no such %s in "
		    "this session.", kname));
		return NULL;
	}
	*cp = c;
	return d;
}

/*
 * The file r->ids[1] of kind of the path's session, read into *data,
 * or NULL once answered (404: not the session's, or its file is gone).
 */
static struct classroom_doc *
doc_open(struct req *r, enum doc_kind kind, char **data, size_t *len)
{
	struct classroom	*c;
	struct classroom_doc	*d;

	if ((d = doc_find(r, kind, &c)) == NULL)
		return NULL;
	if (!classroom_file_read(r, kind == DOC_WHITEBOARD ? WHITEBOARD_DIR :
	    DOCUMENT_DIR, d->stored_name, data, len)) {
		send_error(r, 404, "The file is missing on the server. The "
		    "problem has been logged.");
		return NULL;
	}
	return d;
}

/*
 * GET /platform/classroom/:id/documents/:id: the document, always as a
 * download of the type its content showed (never a page of this site).
 * Statuses: 200, 404, 503.
 */
int
page_doc_get(struct req *r)
{
	struct classroom_doc	*d;
	char			*data;
	size_t			 len;

	if ((d = doc_open(r, DOC_DOCUMENT, &data, &len)) == NULL)
		return r->status;
	return send_download(r, d->content_type,
	    classroom_header_name(r->a, d->filename), data, len);
}

/*
 * GET /platform/classroom/:id/whiteboards/:id/image: the whiteboard,
 * as a JPEG picture.
 * Statuses: 200, 404, 503.
 */
int
page_whiteboard_get(struct req *r)
{
	char	*data;
	size_t	 len;

	if (doc_open(r, DOC_WHITEBOARD, &data, &len) == NULL)
		return r->status;
	return send_image(r, 200, "image/jpeg", data, len);
}

/* The label of a document's type, by its stored type.  Pure. */
static const char *
type_label(const char *ctype)
{
	size_t	 i;

	for (i = 0; i < NTYPES; i++)
		if (strcmp(doc_types[i].ctype, ctype) == 0)
			return doc_types[i].label;
	return "File";
}

/* One file of kind into a section of d. */
static struct tpl_dict *
doc_entry(struct req *r, struct tpl_dict *d, const char *section,
    int64_t sid, const struct classroom_doc *doc, const char *path)
{
	struct tpl_dict	*e = tpl_section(d, section);

	tpl_set_int(e, "DOC_ID", (long long)doc->id);
	tpl_set(e, "DOC_URL", arena_printf(r->a, "/platform/classroom/%lld/"
	    "%s/%lld", (long long)sid, path, (long long)doc->id));
	tpl_set(e, "DOC_TITLE", doc->title);
	tpl_set(e, "DOC_AT", show_time(r, doc->uploaded_at));
	tpl_set(e, "DOC_BY", doc->uploaded_by ? doc->uploaded_by : "–");
	tpl_set(e, "DOC_SIZE", classroom_size_text(r->a, doc->size));
	return e;
}

/*
 * GET /platform/classroom/:id/whiteboards/:id: the whiteboard's page:
 * the picture at the width of the screen, who added it and when, and
 * the way back to the record.
 * Statuses: 200, 404, 503.
 */
int
page_whiteboard(struct req *r)
{
	struct classroom	*c;
	struct classroom_doc	*w;
	struct tpl_dict		*d;

	if ((w = doc_find(r, DOC_WHITEBOARD, &c)) == NULL)
		return r->status;
	d = page_begin(r, "classroom-whiteboard.tpl", w->title);
	tpl_set_int(d, "SESSION_ID", (long long)c->id);
	tpl_set(d, "NAME", c->name);
	doc_entry(r, d, "BOARD", c->id, w, "whiteboards");
	return page_send(r, 200);
}

long
classroom_summary_docs(struct req *r, struct tpl_dict *d, int64_t sid,
    int admin, const struct room_slide *slides, size_t nslides)
{
	struct classroom_doc	*docs, *wbs;
	struct tpl_dict		*e;
	size_t			 ndocs, nwbs, i;

	if (db_docs(r->db, r->a, sid, DOC_DOCUMENT, &docs, &ndocs) != DB_OK ||
	    db_docs(r->db, r->a, sid, DOC_WHITEBOARD, &wbs, &nwbs) != DB_OK)
		return -1;
	for (i = 0; i < ndocs; i++) {
		e = doc_entry(r, d, "DOC", sid, &docs[i], "documents");
		tpl_set(e, "DOC_TYPE", type_label(docs[i].content_type));
	}
	for (i = 0; i < nslides; i++) {
		e = tpl_section(d, "SLIDE_DOC");
		tpl_set(e, "DOC_URL", arena_printf(r->a, "/platform/classroom/"
		    "%lld/slides/%lld", (long long)sid,
		    (long long)slides[i].id));
		tpl_set(e, "DOC_TITLE", slides[i].filename);
		tpl_set(e, "DOC_AT", show_time(r, slides[i].uploaded_at));
		tpl_set(e, "DOC_SIZE", classroom_size_text(r->a,
		    slides[i].size));
	}
	for (i = 0; i < nwbs; i++)
		doc_entry(r, d, "WHITEBOARD", sid, &wbs[i], "whiteboards");
	if (ndocs + nslides == 0)
		tpl_show(d, "NO_DOCUMENTS");
	if (nwbs == 0)
		tpl_show(d, "NO_WHITEBOARDS");
	if (admin && ndocs < DOCS_MAX)
		tpl_set(tpl_section(d, "DOC_FORM"), "DOC_LIMIT",
		    classroom_size_text(r->a, (long long)doc_limit(r)));
	if (admin && nwbs < DOCS_MAX)
		tpl_set(tpl_section(d, "WHITEBOARD_FORM"), "WB_LIMIT",
		    classroom_size_text(r->a, (long long)doc_limit(r)));
	return (long)(ndocs + nslides + nwbs);
}
