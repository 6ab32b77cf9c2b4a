/*
 * bbbxml.c: BigBlueButton API answers read with libxml2.
 *
 * The options: XML_PARSE_NONET (never fetch anything), NOERROR and
 * NOWARNING (a bad answer is our business, not stderr's), and neither
 * NOENT nor DTDLOAD, so no entity is ever substituted and no external
 * DTD read.  A DOCTYPE has no place in an API answer, so the parser is
 * stopped as soon as it reports one, before it reads a single
 * declaration of the internal subset: entity tricks (billion laughs,
 * external entities) never get parsed, let alone expanded.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "conference/bbbapi.h"
#include "conference/bbbxml.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
			    XML_PARSE_NOWARNING)

/* Error sinks: libxml2 would print parse errors to stderr otherwise. */
static void
quiet_generic(void *ctx, const char *msg, ...)
{
}

#if LIBXML_VERSION >= 21200
static void
quiet_structured(void *ctx, const xmlError *e)
{
}
#else
static void
quiet_structured(void *ctx, xmlErrorPtr e)
{
}
#endif

/*
 * SAX hook for <!DOCTYPE ...>: note it and stop the parser, which then
 * reads nothing more (the internal subset comes after this call).
 */
static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id,
    const xmlChar *sys_id)
{
	xmlParserCtxtPtr	 c = ctx;

	*(int *)c->_private = 1;
	xmlStopParser(c);
}

/* 1 when n is an element named name.  Pure. */
static int
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* The first element child of n named name, or NULL.  Pure. */
static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

/*
 * The text of n (its own text and CDATA children, not those of nested
 * elements) as an arena string: control characters and bytes that are
 * not UTF-8 replaced, blanks trimmed, cut to BBBXML_MAX_TEXT bytes on a
 * character boundary.  "" when n is NULL.
 */
static char *
text(struct arena *a, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*p;
	struct buf	 b;
	size_t		 i, k, len, start, end;
	char		*s;

	if (n == NULL)
		return arena_strdup(a, "");
	buf_init(&b);
	for (c = n->children; c != NULL; c = c->next) {
		if ((c->type != XML_TEXT_NODE &&
		    c->type != XML_CDATA_SECTION_NODE) || c->content == NULL)
			continue;
		p = (const char *)c->content;
		/* Leading blanks and controls go anyway: skip them here. */
		while (b.len == 0 && *p != '\0' &&
		    ((unsigned char)*p <= 0x20 || *p == 0x7f))
			p++;
		len = strlen(p);
		/* Enough to cut later; the rest can only be dropped. */
		if (len > BBBXML_MAX_TEXT + 8 - b.len)
			len = BBBXML_MAX_TEXT + 8 - b.len;
		buf_append(&b, p, len);
		if (b.len >= BBBXML_MAX_TEXT + 8)
			break;
	}
	if (b.data == NULL)
		buf_puts(&b, "");
	for (i = 0; i < b.len; ) {
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == 0x7f) {
			b.data[i++] = ' ';
			continue;
		}
		if ((k = utf8_seq(b.data + i)) == 0) {
			b.data[i++] = '?';
			continue;
		}
		i += k;
	}
	start = 0;
	while (start < b.len && b.data[start] == ' ')
		start++;
	end = b.len;
	if (end - start > BBBXML_MAX_TEXT) {
		end = start + BBBXML_MAX_TEXT;
		while (end > start &&
		    ((unsigned char)b.data[end] & 0xc0) == 0x80)
			end--;
	}
	/* After the cut, which may have left a blank at the end. */
	while (end > start && b.data[end - 1] == ' ')
		end--;
	s = arena_strndup(a, b.data + start, end - start);
	buf_free(&b);
	return s;
}

/* A count or a time in ms: digits only, at most 18; 0 otherwise. */
static long long
number(struct arena *a, const xmlNode *n)
{
	const char	*s = text(a, n);
	long long	 v = 0;
	size_t		 i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 18)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* 1 when n says true. */
static int
boolean(struct arena *a, const xmlNode *n)
{
	return strcmp(text(a, n), "true") == 0;
}

/* Number of element children of n named name, at most max.  Pure. */
static size_t
count(const xmlNode *n, const char *name, size_t max)
{
	const xmlNode	*c;
	size_t		 k = 0;

	if (n == NULL)
		return 0;
	for (c = n->children; c != NULL && k < max; c = c->next)
		if (is_elem(c, name))
			k++;
	return k;
}

/* The attendees of getMeetingInfo. */
static void
attendees(struct arena *a, const xmlNode *list, struct bbb_resp *r)
{
	const xmlNode		*c;
	struct conf_attendee	*t;
	size_t			 max;

	if ((max = count(list, "attendee", BBBXML_MAX_ATTENDEES)) == 0)
		return;
	r->attendees = arena_alloc(a, max * sizeof(*r->attendees));
	for (c = list->children; c != NULL && r->nattendees < max;
	    c = c->next) {
		if (!is_elem(c, "attendee"))
			continue;
		t = &r->attendees[r->nattendees++];
		t->user_id = text(a, child(c, "userID"));
		t->full_name = text(a, child(c, "fullName"));
		t->role = text(a, child(c, "role"));
	}
}

/*
 * The playback address of a recording: the "presentation" format when
 * there is one, else the first format with an address; NULL for none.
 */
static char *
playback(struct arena *a, const xmlNode *pb)
{
	const xmlNode	*f;
	char		*url, *first = NULL;

	if (pb == NULL)
		return NULL;
	for (f = pb->children; f != NULL; f = f->next) {
		if (!is_elem(f, "format"))
			continue;
		url = text(a, child(f, "url"));
		if (*url == '\0')
			continue;
		if (strcmp(text(a, child(f, "type")), "presentation") == 0)
			return url;
		if (first == NULL)
			first = url;
	}
	return first;
}

/* The recordings of getRecordings. */
static void
recordings(struct arena *a, const xmlNode *list, struct bbb_resp *r)
{
	const xmlNode		*c;
	struct conf_recording	*t;
	size_t			 max;

	if ((max = count(list, "recording", BBBXML_MAX_RECORDINGS)) == 0)
		return;
	r->recordings = arena_alloc(a, max * sizeof(*r->recordings));
	for (c = list->children; c != NULL && r->nrecordings < max;
	    c = c->next) {
		if (!is_elem(c, "recording"))
			continue;
		t = &r->recordings[r->nrecordings++];
		t->record_id = text(a, child(c, "recordID"));
		t->meeting_id = text(a, child(c, "meetingID"));
		t->state = text(a, child(c, "state"));
		t->published = boolean(a, child(c, "published"));
		t->start_time = number(a, child(c, "startTime"));
		t->end_time = number(a, child(c, "endTime"));
		t->playback_url = playback(a, child(c, "playback"));
	}
}

/* Read the children of <response> into r. */
static void
fields(struct arena *a, const xmlNode *root, struct bbb_resp *r)
{
	const xmlNode	*n;

	r->returncode = text(a, child(root, "returncode"));
	r->success = strcmp(r->returncode, "SUCCESS") == 0;
	r->message_key = text(a, child(root, "messageKey"));
	r->message = text(a, child(root, "message"));
	r->meeting_id = text(a, child(root, "meetingID"));
	r->internal_meeting_id = text(a, child(root, "internalMeetingID"));
	r->create_time = number(a, child(root, "createTime"));
	r->running = boolean(a, child(root, "running"));
	r->participant_count = number(a, child(root, "participantCount"));
	r->url = text(a, child(root, "url"));
	r->session_token = text(a, child(root, "session_token"));
	if ((n = child(root, "attendees")) != NULL)
		attendees(a, n, r);
	if ((n = child(root, "recordings")) != NULL)
		recordings(a, n, r);
}

/*
 * Parse one answer (see bbbxml.h).  Returns 1 with *r filled, or 0 with
 * *r cleared and the reason in *why.
 */
int
bbbxml_parse(struct arena *a, const char *data, size_t len,
    struct bbb_resp *r, const char **why)
{
	static int		 init;
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc = NULL;
	xmlNode			*root;
	const char		*reason = NULL;
	int			 doctype = 0, ok = 0;

	memset(r, 0, sizeof(*r));
	if (!init) {
		xmlInitParser();
		xmlSetGenericErrorFunc(NULL, quiet_generic);
		xmlSetStructuredErrorFunc(NULL, quiet_structured);
		init = 1;
	}
	if (data == NULL || len == 0) {
		reason = "empty answer";
		goto out;
	}
	if (len > BBBXML_MAX_INPUT) {
		reason = "answer too large";
		goto out;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		reason = "out of memory";
		goto out;
	}
	ctxt->_private = &doctype;
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->serror = quiet_structured;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
	    XML_OPTIONS);
	xmlFreeParserCtxt(ctxt);
	if (doctype) {
		reason = "DOCTYPE refused";
		goto out;
	}
	if (doc == NULL) {
		reason = "not XML";
		goto out;
	}
	/* Belt and braces: the hook above should have seen any DTD. */
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		reason = "DOCTYPE refused";
		goto out;
	}
	if ((root = xmlDocGetRootElement(doc)) == NULL ||
	    !is_elem(root, "response")) {
		reason = "not a <response>";
		goto out;
	}
	fields(a, root, r);
	if (!r->success && strcmp(r->returncode, "FAILED") != 0) {
		reason = "no returncode";
		goto out;
	}
	ok = 1;
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	if (!ok)
		memset(r, 0, sizeof(*r));
	if (why != NULL)
		*why = reason;
	return ok;
}
