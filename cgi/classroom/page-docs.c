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
 * on a page of its own and as a picture under a policy that runs
 * nothing; nobody else learns they exist.  What documents are and the
 * summary's cards are in docs.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

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

static const char no_session[] = "There is no such classroom session.";

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
	if (pv->file->size > classroom_doc_limit(r)) {
		send_error(r, 413, arena_printf(r->a, "The file is larger "
		    "than %s: a %s holds at most that.", classroom_size_text(
		    r->a, (long long)classroom_doc_limit(r)), what));
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
	int		 e;

	if (*title == '\0')
		title = label;
	if ((e = classroom_file_store(r->cfg, r->a, sub, data, len,
	    stored)) == ENOSPC || e == EDQUOT)
		return send_error(r, 503, CLASSROOM_NO_ROOM);
	if (e != 0)
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
	if ((t = classroom_doc_type(data, len, label)) == NULL)
		return send_error(r, 422, "This file is not a document Lectern "
		    "takes. Upload a PDF, a plain text file (UTF-8), or a "
		    "Word, Excel, PowerPoint or OpenDocument file.");
	return upload_finish(r, c, DOC_DOCUMENT, label,
	    classroom_download_name(r->a, label, t->ext), t->ctype, data, len);
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
	    (classroom_has_ext(label, "png") || classroom_has_ext(label, "jpg") ||
	    classroom_has_ext(label, "jpeg")))
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
	if (db_classroom_doc_get(r->db, r->a, r->ids[1], &d) != DB_OK) {
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
	classroom_doc_entry(r, d, "BOARD", c->id, w, "whiteboards");
	return page_send(r, 200);
}
