/*
 * req.h: the request every handler receives, its arena, the route
 * descriptor and the declared, validated parameters.  The dispatcher
 * (dispatch.c) fills it; handlers read it.
 */
#ifndef LECTERN_REQ_H
#define LECTERN_REQ_H

#include <stddef.h>
#include <stdint.h>

#include "core/limits.h"
#include "lib/parse.h"
#include "lib/util.h"

struct config;
struct db;
struct tpl_dict;
struct user;

/* How the response leaves and the body arrives: FastCGI streams or stdio. */
struct io {
	void	*ctx;
	int	(*write)(void *, const char *, size_t);
	int	(*read)(void *, char *, size_t);	/* bytes, 0 at end, -1 */
	int	 drain;		/* read unread input before exiting (CGI) */
};

enum method { M_GET = 1, M_POST = 2 };

/* Declared parameter types. */
enum ptype {
	PT_INT,		/* min..max */
	PT_ID,		/* row id */
	PT_DATE,	/* YYYY-MM-DD */
	PT_DATETIME,	/* YYYY-MM-DDTHH:MM */
	PT_ENUM,	/* one of opts; num is the index */
	PT_TEXT,	/* UTF-8, min..max characters */
	PT_EMAIL,
	PT_TZ,		/* IANA zone */
	PT_SECRET,	/* a password: UTF-8, min..max characters, never echoed */
	PT_BOOL,	/* checkbox: present = 1 */
	PT_FILE		/* multipart upload */
};

#define PF_REQ		0x01	/* must be present and non-empty */
#define PF_MULTILINE	0x02	/* PT_TEXT may hold line breaks */
/*
 * The key may come more than once (checkboxes sharing a name, a list of
 * poll options); any other repeated key is refused with 400.  Every
 * value is checked; P() holds the first, the handler reads them all
 * with P_all().
 */
#define PF_MULTI	0x04

struct pdecl {
	const char		*name;
	enum ptype		 type;
	unsigned		 flags;
	long long		 min, max;
	const char *const	*opts;
	const char		*label;	/* for messages: "Email" */
};

/* One declared parameter after validation. */
struct pval {
	const struct pdecl	*decl;
	const char		*raw;	/* NULL when absent */
	const char		*error;	/* NULL when valid */
	long long		 num;	/* PT_INT, PT_ID, PT_ENUM, PT_BOOL */
	int			 y, mo, d, h, mi, s;
	struct upload		*file;
};

struct req;
typedef int (*handler_fn)(struct req *);

#define RT_CSRF		0x01	/* POST must carry the form token */
#define RT_FORM		0x02	/* handler shows field errors itself */
#define RT_MULTIPART	0x04	/* body may be multipart/form-data */
#define RT_NO_REFERRER	0x08	/* page may carry secret links */
/*
 * Open to a user who must still replace a temporary password (the
 * password form and signing out); every other route sends them there.
 */
#define RT_TEMP_PASSWORD 0x10
/*
 * A public route that proves itself by a signature or token inside the
 * request (a provider's callback), not by sign-in and CSRF.
 */
#define RT_SIGNED	0x40
#define RT_RAW_BODY	0x80	/* POST body kept as bytes in r->body */

struct route {
	const char		*name;		/* for the log: "admin.users" */
	enum method		 method;
	const char		*pattern;	/* "/admin/users/:id" */
	handler_fn		 handler;
	unsigned		 roles;		/* 0: public; else role bits */
	unsigned		 flags;
	const struct pdecl	*params;	/* ends with a NULL name */
};

struct req {
	struct arena		*a;
	const struct config	*cfg;
	struct db		*db;
	struct io		*io;
	char			**env;

	const char		*method_s;
	enum method		 method;
	int			 head;		/* HEAD: no body sent */
	const char		*path;
	const char		*query;
	const char		*addr;
	int			 https;

	struct kvlist		 qs;
	struct kvlist		 form;
	struct kvlist		 cookies;
	struct upload		*uploads;
	size_t			 body_read;	/* bytes of the body read so far */
	char			*body;		/* RT_RAW_BODY: the body, NUL-ended */
	size_t			 body_len;

	const struct route	*route;
	int64_t			 ids[PATH_MAX_IDS]; /* :id values in path order */
	int			 nids;
	const char		*token;		/* a :token segment, or NULL */
	struct pval		*pv;
	size_t			 npv;
	int			 nerrors;

	struct user		*user;		/* NULL: not signed in */
	char			*token_hash;	/* of the sign-in cookie */
	char			*csrf;		/* token forms must echo */
	char			*flash;		/* message for this page */
	int			 flash_pending;	/* a flash waits in the session */
	int			 flash_shown;	/* a page showed it: clear it */
	int			 unread;	/* unread notifications, to
						   UNREAD_MAX + 1 */

	struct tpl_dict		*page;		/* layout dictionary */
	struct buf		 headers;	/* extra header lines */
	const char		*csp_script;	/* another origin scripts load from */
	const char		*csp_frame;	/* an origin the page may frame */
	const char		*csp_form;	/* forms may lead there too */
	const char		*csp_media;	/* audio and video may load from */
	int			 away;		/* redirected to another server */
	int			 status;
	int			 sent;
	int			 restart;	/* run the handler again */
	int			 restarts;	/* times it did */
};

/*
 * The validated parameter by name, or NULL when the route does not
 * declare it (which is a bug: logged with the route's name).
 */
const struct pval	*P(const struct req *, const char *);
/*
 * 1 when the route declares name, else 0 (without a log line): for a
 * page shared by several routes that shows a form's values only after
 * the route that posts them.
 */
int			 P_declared(const struct req *, const char *);
/* Raw value of a declared, valid, non-empty parameter, or NULL. */
const char		*P_str(const struct req *, const char *);
long long		 P_num(const struct req *, const char *);
/*
 * P_str and P_num for a function shared by several routes of which only
 * some declare name (a list's position or search, shown again after a
 * POST that does not carry them): NULL or 0, without a log line, when
 * this request's route does not declare it.
 */
const char		*P_str_opt(const struct req *, const char *);
long long		 P_num_opt(const struct req *, const char *);
/*
 * Every value of a declared PF_MULTI parameter, in order: an arena
 * array of *n strings (empty when absent).
 */
const char		**P_all(struct req *, const char *, size_t *n);

/* Mark a declared parameter invalid with msg (a later check failed). */
void			 P_fail(struct req *, const char *, const char *msg);

/* Read a whole uploaded file into the request's arena (NUL-terminated);
 * returns 1, or 0 after logging why it could not. */
int			 req_upload_read(struct req *, const struct upload *,
			    char **, size_t *);

/* The timezone the signed-in user reads times in: their own, else the
 * school's. */
const char		*viewer_zone(const struct req *);
/* Today's date (YYYY-MM-DD) in the school's timezone. */
void			 school_today(const struct req *, char [11]);	/* DATE_LEN */

/* The environment value, or NULL. */
const char		*req_env(const struct req *, const char *);

#endif
