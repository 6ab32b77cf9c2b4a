/*
 * fuzz-bbbxml.c: bbbxml_parse on arbitrary bytes.  On success the
 * returncode must be SUCCESS or FAILED (success matching it), the lists
 * within their bounds, and every string present, valid UTF-8, free of
 * control characters, trimmed and at most BBBXML_MAX_TEXT bytes.  On
 * failure the reason must be set and the answer cleared.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "conference/bbbapi.h"
#include "conference/bbbxml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* abort() unless s is a string bbbxml_parse may hand out. */
static void
check_text(const char *s)
{
	size_t	 len, i, n;

	if (s == NULL)
		abort();
	len = strlen(s);
	if (len > BBBXML_MAX_TEXT)
		abort();
	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' '))
		abort();
	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			abort();
		if ((n = utf8_seq(s + i)) == 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why = NULL;
	size_t		 i;

	if (!bbbxml_parse(a, (const char *)data, size, &r, &why)) {
		if (why == NULL || *why == '\0' || r.returncode != NULL ||
		    r.attendees != NULL || r.recordings != NULL ||
		    r.nattendees != 0 || r.nrecordings != 0)
			abort();
		arena_free(a);
		return 0;
	}
	if (why != NULL)
		abort();
	check_text(r.returncode);
	if (r.success != (strcmp(r.returncode, "SUCCESS") == 0))
		abort();
	if (!r.success && strcmp(r.returncode, "FAILED") != 0)
		abort();
	check_text(r.message_key);
	check_text(r.message);
	check_text(r.meeting_id);
	check_text(r.internal_meeting_id);
	if (r.create_time < 0 || r.participant_count < 0 ||
	    (r.running != 0 && r.running != 1))
		abort();
	if (r.nattendees > BBBXML_MAX_ATTENDEES ||
	    (r.nattendees > 0) != (r.attendees != NULL))
		abort();
	for (i = 0; i < r.nattendees; i++) {
		check_text(r.attendees[i].user_id);
		check_text(r.attendees[i].full_name);
		check_text(r.attendees[i].role);
	}
	if (r.nrecordings > BBBXML_MAX_RECORDINGS ||
	    (r.nrecordings > 0) != (r.recordings != NULL))
		abort();
	for (i = 0; i < r.nrecordings; i++) {
		check_text(r.recordings[i].record_id);
		check_text(r.recordings[i].meeting_id);
		check_text(r.recordings[i].state);
		if (r.recordings[i].playback_url != NULL) {
			check_text(r.recordings[i].playback_url);
			if (*r.recordings[i].playback_url == '\0')
				abort();
		}
		if (r.recordings[i].start_time < 0 ||
		    r.recordings[i].end_time < 0)
			abort();
	}
	arena_free(a);
	return 0;
}
