/*
 * limits.h: core's own limits on a request, in one place.  The
 * configurable ones (body_limit, upload_limit, session lengths, sign-in
 * throttling) are in config.h; these are fixed.
 */
#ifndef LECTERN_LIMITS_H
#define LECTERN_LIMITS_H

/*
 * The query string's limits (QUERY_MAX_FIELDS, QUERY_MAX_FIELD) are in
 * lib/parse.h, beside the parser and its fuzzer.
 */

/* :id segments in one route pattern, and bytes of one id segment. */
#define PATH_MAX_IDS		4
#define PATH_ID_MAX		31

/* A :token segment: lowercase hex, TOKEN_MIN to TOKEN_MAX of them. */
#define PATH_TOKEN_CHARS	"0123456789abcdef"
#define PATH_TOKEN_MIN		32
#define PATH_TOKEN_MAX		128

/* A Content-Length beyond any sense, refused before comparing limits. */
#define BODY_LENGTH_MAX		(1LL << 40)
/* What a multipart body may carry beyond upload_limit (boundaries,
 * part headers, the small fields beside the file). */
#define MULTIPART_SLACK		65536
/* Bytes read from the body at a time. */
#define BODY_CHUNK		16384
/* Bytes of unread input a CGI request reads and drops before exiting. */
#define BODY_DRAIN_MAX		(64LL * 1024 * 1024)

/* Bytes of a route name ("people.users.new") and a parameter name. */
#define ROUTE_NAME_MAX		64
#define PARAM_NAME_MAX		32

/* The unread notifications badge counts to UNREAD_MAX, then says "99+". */
#define UNREAD_MAX		99

/* A message about a failure at start (configuration, database). */
#define ERRMSG_LEN		512

/* Seconds a 503 (database away) asks clients to wait: Retry-After. */
#define RETRY_AFTER_SECONDS	30

/*
 * Times a handler runs again after a conflict (a deadlock, a Galera
 * certification failure) undid its transaction: see db_restartable().
 */
#define REQ_RESTARTS		3

/* Where a user who must replace a temporary password is sent. */
#define TEMP_PASSWORD_PAGE	"/account"

#endif
