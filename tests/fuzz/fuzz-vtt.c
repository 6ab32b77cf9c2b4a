/*
 * fuzz-vtt.c: vtt_parse on an arbitrary file.  On success there is at
 * least one cue and at most VTT_MAX_CUES; each ends after it starts and
 * starts no earlier than the one before ends; its text and speaker are
 * valid UTF-8 within their limits.  On failure the error is a
 * non-empty sentence and nothing is returned.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/vtt.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	struct vtt_cue	*c;
	size_t		 n, i;
	char		 err[256];

	if (!vtt_parse(a, (const char *)data, size, &c, &n, err,
	    sizeof(err))) {
		if (err[0] == '\0' || c != NULL || n != 0)
			abort();
		arena_free(a);
		return 0;
	}
	if (n == 0 || n > VTT_MAX_CUES || c == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if (c[i].start_ms < 0 || c[i].end_ms <= c[i].start_ms)
			abort();
		if (i > 0 && c[i].start_ms < c[i - 1].end_ms)
			abort();
		if (c[i].text == NULL || strlen(c[i].text) > VTT_MAX_TEXT ||
		    !utf8_valid(c[i].text, strlen(c[i].text)))
			abort();
		if (c[i].speaker != NULL && (c[i].speaker[0] == '\0' ||
		    strlen(c[i].speaker) > VTT_MAX_SPEAKER ||
		    !utf8_valid(c[i].speaker, strlen(c[i].speaker))))
			abort();
	}
	arena_free(a);
	return 0;
}
