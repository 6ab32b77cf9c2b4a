/*
 * vtt.h: a strict reader of WebVTT transcripts.  It takes a whole file
 * (as uploaded) and gives back its cues in order: start and end in
 * milliseconds, the speaker of the cue's voice tag (<v Name>) and its
 * text as plain UTF-8 lines (tags removed, character references
 * decoded).  Header blocks, NOTE, STYLE and REGION blocks are skipped.
 *
 * What it refuses, with a sentence for the person who uploaded it (the
 * line it found the fault on, where there is one): a file larger than
 * VTT_MAX_BYTES, a NUL byte, ill-formed UTF-8, a first line other than
 * "WEBVTT", a cue id without timings, malformed timings, a cue that
 * ends before it starts, cues out of order or overlapping, a cue's text
 * longer than VTT_MAX_TEXT bytes, a speaker longer than
 * VTT_MAX_SPEAKER bytes, more than VTT_MAX_CUES cues, and no cue at
 * all.  Nothing here names anything of Lectern; memory comes from the
 * caller's arena.
 */
#ifndef LECTERN_VTT_H
#define LECTERN_VTT_H

#include <stddef.h>

struct arena;

#define VTT_MAX_BYTES	(2 * 1024 * 1024)
#define VTT_MAX_CUES	20000
#define VTT_MAX_TEXT	4000	/* bytes of one cue's text, once read */
#define VTT_MAX_SPEAKER	100	/* bytes of a speaker's name */

struct vtt_cue {
	long long	 start_ms, end_ms;
	char		*id;		/* NULL: none */
	char		*speaker;	/* NULL: no voice tag */
	char		*text;		/* lines joined with "\n" */
	size_t		 line;		/* of its timings, 1-based */
};

/*
 * Read the len bytes at data.  Returns 1 with the cues in *cues (an
 * arena array) and their number in *n; 0 with a sentence in err.
 */
int	vtt_parse(struct arena *, const char *data, size_t len,
	    struct vtt_cue **cues, size_t *n, char *err, size_t errlen);

/* "H:MM:SS" or "M:SS" of ms into out (at least 16 bytes).  Pure. */
void	vtt_clock(long long ms, char *out, size_t outlen);

#endif
