/*
 * bbbxml.h: reading BigBlueButton API answers.  The bytes come from a
 * server over the network, so they are untrusted: libxml2 reads them
 * without network access, without entity expansion and without any DTD
 * (a document with a DOCTYPE is refused outright), every list and string
 * is bounded, and nothing is written to stderr.
 */
#ifndef LECTERN_BBBXML_H
#define LECTERN_BBBXML_H

#include <stddef.h>

#include "conference/conference.h"

struct arena;

#define BBBXML_MAX_INPUT	(1024 * 1024)	/* bytes of one answer */
#define BBBXML_MAX_TEXT		2048	/* bytes of one string */
#define BBBXML_MAX_ATTENDEES	1000
#define BBBXML_MAX_RECORDINGS	100	/* getRecordings' own limit */

/*
 * One answer.  Strings are arena copies, trimmed, with control
 * characters as spaces, cut to BBBXML_MAX_TEXT bytes on a character
 * boundary; absent elements give "" (strings) or 0 (numbers), except
 * playback_url, NULL when a recording has no playback.
 */
struct bbb_resp {
	int			 success;	/* returncode SUCCESS */
	char			*returncode;	/* SUCCESS or FAILED */
	char			*message_key;
	char			*message;
	char			*meeting_id;
	char			*internal_meeting_id;
	long long		 create_time;
	int			 running;
	long long		 participant_count;
	char			*url;		/* join, redirect=false */
	char			*session_token;	/* join, redirect=false */
	struct conf_attendee	*attendees;
	size_t			 nattendees;
	struct conf_recording	*recordings;
	size_t			 nrecordings;
};

/*
 * Parse data[0..len) as an API answer: a well-formed XML document whose
 * root is <response> with a <returncode> of SUCCESS or FAILED.  Returns
 * 1 and fills *r, or 0 with r cleared and *why (when not NULL) set to a
 * short static reason ("not XML", "DOCTYPE refused", ...).  Allocates
 * from the arena only.
 */
int	bbbxml_parse(struct arena *, const char *data, size_t len,
	    struct bbb_resp *r, const char **why);

#endif
