/*
 * docs.c: what the documents and whiteboards of a session's record
 * share between their pages (page-docs.c) and the summary
 * (page-classroom.c): the kinds of document Lectern takes and how each
 * is recognised by its content, and the summary's Documents and
 * Whiteboards cards.
 */
#include <string.h>
#include <strings.h>

#include "classroom/classroom.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"
#include "lib/valid.h"

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
int
classroom_has_ext(const char *name, const char *ext)
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
const struct doc_type *
classroom_doc_type(const char *data, size_t len, const char *name)
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
		if (classroom_has_ext(name, "doc"))
			return type_by_ext("doc");
		if (classroom_has_ext(name, "xls"))
			return type_by_ext("xls");
		if (classroom_has_ext(name, "ppt"))
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
char *
classroom_download_name(struct arena *a, const char *label, const char *ext)
{
	return classroom_has_ext(label, ext) ? arena_strdup(a, label) :
	    arena_printf(a, "%s.%s", label, ext);
}

/* The largest file taken: the installation's upload limit. */
size_t
classroom_doc_limit(const struct req *r)
{
	return r->cfg->upload_limit;
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
struct tpl_dict *
classroom_doc_entry(struct req *r, struct tpl_dict *d, const char *section,
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
		e = classroom_doc_entry(r, d, "DOC", sid, &docs[i], "documents");
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
		classroom_doc_entry(r, d, "WHITEBOARD", sid, &wbs[i], "whiteboards");
	if (ndocs + nslides == 0)
		tpl_show(d, "NO_DOCUMENTS");
	if (nwbs == 0)
		tpl_show(d, "NO_WHITEBOARDS");
	if (admin && ndocs < DOCS_MAX)
		tpl_set(tpl_section(d, "DOC_FORM"), "DOC_LIMIT",
		    classroom_size_text(r->a, (long long)classroom_doc_limit(r)));
	if (admin && nwbs < DOCS_MAX)
		tpl_set(tpl_section(d, "WHITEBOARD_FORM"), "WB_LIMIT",
		    classroom_size_text(r->a, (long long)classroom_doc_limit(r)));
	return (long)(ndocs + nslides + nwbs);
}
