/*
 * bbbapi.h: the pure half of the BigBlueButton client: query strings
 * encoded the way bbb-web checks them, the checksum, the parameter sets
 * of create and join, and the slides XML body of create.  No network and
 * no database, so all of it is unit-tested on its own; conf-bbb.c does
 * the HTTP calls.
 */
#ifndef LECTERN_BBBAPI_H
#define LECTERN_BBBAPI_H

#include <stddef.h>

struct arena;
struct buf;
struct conf_meeting;
struct conf_user;

enum bbb_alg { BBB_SHA256, BBB_SHA512 };

/*
 * Seconds one call may take in all: a person's click (create, join,
 * end, publish, delete) waits a few seconds at most, so that a stalled
 * server never holds a web worker for long; the listings the worker
 * asks for (getRecordings and unknown calls) get the whole ceiling
 * (bbb_timeout).  Never more than ceiling, never less than 1.  Pure.
 */
int	bbb_call_timeout(const char *call, int ceiling);
/* Seconds to wait for the connection itself: 2, or less under ceiling. */
#define BBB_CONNECT_TIMEOUT	2

/* "sha512" gives BBB_SHA512, anything else BBB_SHA256. */
enum bbb_alg	bbb_alg_named(const char *);

/*
 * One query value in the form encoding bbb-web reproduces when it checks
 * a checksum: A-Z a-z 0-9 - _ . * as they are, space as '+', every other
 * byte as %XX (upper-case hex).  NULL appends nothing.
 */
void	bbb_encode(struct buf *, const char *);
/* Append name=value to a query, with '&' unless the query is empty. */
void	bbb_param(struct buf *, const char *name, const char *value);
void	bbb_param_bool(struct buf *, const char *name, int);
void	bbb_param_num(struct buf *, const char *name, long long);

/*
 * hex(H(call + query + secret)), H being SHA-256 or SHA-512, into out
 * (65 or 129 bytes with the NUL).  query is exactly the string sent,
 * without the checksum parameter.
 */
void	bbb_checksum(enum bbb_alg, const char *call, const char *query,
	    const char *secret, char out[129]);
/*
 * The signed address of one call: base (ending in /bigbluebutton/) +
 * "api/" + call + "?" + query + "&checksum=" + hex.  Arena string.
 */
char	*bbb_signed_url(struct arena *, const char *base, const char *call,
	    const char *query, enum bbb_alg, const char *secret);

/* The query of create for m (NULL strings left out).  Arena string. */
char	*bbb_create_query(struct arena *, const struct conf_meeting *);
/*
 * The XML body of a create with slides, or NULL when m has none:
 * <modules><module name="presentation"><document url=".." filename=".."/>
 * ...</module></modules>, attribute values escaped.  Arena string.
 */
char	*bbb_slides_xml(struct arena *, const struct conf_meeting *);
/* The query of join with redirect=false (without checksum).  Arena
 * string. */
char	*bbb_join_query(struct arena *, const char *meeting_id,
	    long long create_time, const struct conf_user *);

/*
 * Append s as an XML attribute value (without the quotes): & < > " '
 * as entities, tab, LF and CR as character references, other control
 * characters dropped (XML 1.0 has no way to write them) and bytes that
 * are not UTF-8 as U+FFFD.
 */
void	bbb_xml_attr(struct buf *, const char *);

#endif
