/*
 * test-bbb.c: the pure parts of the conferencing providers: BigBlueButton
 * checksums against the API docs' example, query encoding, the create
 * and join parameter sets, the slides XML body, the answer parser on
 * real-looking and hostile documents, the Jitsi token, the timeout of
 * each call and the window arithmetic of the "not answering" mark.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "lib/util.h"
#include "conference/bbbapi.h"
#include "conference/bbbxml.h"
#include "conference/conference.h"
#include "conference/health.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/parse.h"

/* The shared secret and query of the API docs' checksum example. */
#define DOC_SECRET	"639259d4-9dd8-4b25-bf01-95f9567eaf4b"
#define DOC_QUERY	"name=Test+Meeting&meetingID=abc123" \
			"&attendeePW=111222&moderatorPW=333444"

static int
setup(void **state)
{
	return crypto_start() ? 0 : -1;
}

/*
 * Checksums of the docs' example; the expected values were computed
 * with `printf %s 'create...secret' | sha256sum` (and sha512sum), whose
 * SHA-1 counterpart matches the docs' published one.
 */
static void
test_checksum_vectors(void **state)
{
	char	 out[129];

	bbb_checksum(BBB_SHA256, "create", DOC_QUERY, DOC_SECRET, out);
	assert_string_equal(out, "da9185f7f333cfdfcd6eeac32dca3777"
	    "510c4c436020d8b887ba5515bd1d189e");
	bbb_checksum(BBB_SHA512, "create", DOC_QUERY, DOC_SECRET, out);
	assert_string_equal(out, "de73ad61d11a5c801b68d4bd6ec52485"
	    "46085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb778"
	    "21884951a3b01245f3435dbbef49fff3cc3988b4");
	bbb_checksum(BBB_SHA256, "isMeetingRunning", "meetingID=abc123",
	    DOC_SECRET, out);
	assert_string_equal(out, "0d7030d1b5af6624c3e8909540eb2747"
	    "a33d993a4951fb3bde9462025e41dcdb");
	bbb_checksum(BBB_SHA512, "isMeetingRunning", "meetingID=abc123",
	    DOC_SECRET, out);
	assert_string_equal(out, "68b5079059e341dc2492220ad59f0116"
	    "6eee3aa486dce3a1ddc7fa2632765ad9ccfc48189a92b688d80be4231"
	    "62989263261beaa3714a07f9610d1bc9b6b51f9");

	assert_int_equal(bbb_alg_named("sha512"), BBB_SHA512);
	assert_int_equal(bbb_alg_named("sha256"), BBB_SHA256);
	assert_int_equal(bbb_alg_named(NULL), BBB_SHA256);
}

/* The signed address: base, api/, call, query, checksum last. */
static void
test_signed_url(void **state)
{
	struct arena	*a = arena_new();

	assert_string_equal(bbb_signed_url(a,
	    "https://bbb.example.org/bigbluebutton/", "create", DOC_QUERY,
	    BBB_SHA256, DOC_SECRET),
	    "https://bbb.example.org/bigbluebutton/api/create?" DOC_QUERY
	    "&checksum=da9185f7f333cfdfcd6eeac32dca3777"
	    "510c4c436020d8b887ba5515bd1d189e");
	/* No parameters: the checksum is over "" and comes first. */
	assert_non_null(strstr(bbb_signed_url(a, "http://h/bigbluebutton/",
	    "getMeetings", "", BBB_SHA256, "s"),
	    "/bigbluebutton/api/getMeetings?checksum="));
	arena_free(a);
}

/*
 * The form encoding bbb-web reproduces: letters, digits, - _ . * kept,
 * space as '+', everything else %XX upper-case.  Each encoded value
 * must decode back to the original with the form decoder.
 */
static void
test_encode(void **state)
{
	static const struct {
		const char	*in, *out;
	} c[] = {
		{ "", "" },
		{ "AZaz09-_.*", "AZaz09-_.*" },
		{ "a b", "a+b" },
		{ "  ", "++" },
		{ "a&b=c+d", "a%26b%3Dc%2Bd" },
		{ "100%", "100%25" },
		{ "~", "%7E" },
		{ "/?#:@!$'(),;[]", "%2F%3F%23%3A%40%21%24%27%28%29%2C%3B"
		    "%5B%5D" },
		{ "Zo\xc3\xab \xc3\x9cnal", "Zo%C3%AB+%C3%9Cnal" },
		{ "\xf0\x9f\x98\x80 ok", "%F0%9F%98%80+ok" },
		{ "\xe4\xb8\xad\xe6\x96\x87", "%E4%B8%AD%E6%96%87" },
		{ "line\r\nbreak\t", "line%0D%0Abreak%09" },
		{ "<b>\"x\"</b>", "%3Cb%3E%22x%22%3C%2Fb%3E" },
	};
	struct arena		*a = arena_new();
	struct kvlist		 l;
	struct buf		 b;
	size_t			 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		buf_init(&b);
		bbb_encode(&b, c[i].in);
		buf_puts(&b, "");
		assert_string_equal(b.data, c[i].out);
		buf_free(&b);

		buf_init(&b);
		bbb_param(&b, "v", c[i].in);
		memset(&l, 0, sizeof(l));
		assert_int_equal(parse_urlencoded(a, b.data, b.len, NULL, &l),
		    PARSE_OK);
		assert_int_equal(l.count, 1);
		assert_string_equal(l.head->key, "v");
		assert_string_equal(l.head->val, c[i].in);
		buf_free(&b);
	}
	/* Pairs are joined with '&', the first without. */
	buf_init(&b);
	bbb_param(&b, "a", "1");
	bbb_param_bool(&b, "b", 1);
	bbb_param_bool(&b, "c", 0);
	bbb_param_num(&b, "d", 1717400000123LL);
	bbb_encode(&b, NULL);
	assert_string_equal(b.data, "a=1&b=true&c=false&d=1717400000123");
	buf_free(&b);
	arena_free(a);
}

/* Every combination of the Start Classroom options. */
static void
test_create_options(void **state)
{
	struct arena		*a = arena_new();
	struct conf_meeting	 m;
	char			 want[512];
	int			 rec, cam, mic, mute;

	for (rec = 0; rec < 2; rec++)
	for (cam = 0; cam < 2; cam++)
	for (mic = 0; mic < 2; mic++)
	for (mute = 0; mute < 2; mute++) {
		memset(&m, 0, sizeof(m));
		m.meeting_id = "m-1";
		m.name = "Maths";
		m.record = rec;
		m.allow_camera = cam;
		m.allow_mic = mic;
		m.mute_on_join = mute;
		snprintf(want, sizeof(want), "name=Maths&meetingID=m-1"
		    "&record=%s&autoStartRecording=%s"
		    "&lockSettingsDisableCam=%s&lockSettingsDisableMic=%s"
		    "&muteOnStart=%s",
		    rec ? "true" : "false", rec ? "true" : "false",
		    cam ? "false" : "true", mic ? "false" : "true",
		    mute ? "true" : "false");
		assert_string_equal(bbb_create_query(a, &m), want);
		assert_null(bbb_slides_xml(a, &m));
	}
	arena_free(a);
}

/* The full parameter set, in order, with every value encoded. */
static void
test_create_full(void **state)
{
	static const char *const names[] = { "lectern-classroom", "school" };
	static const char *const values[] = { "17", "Ecole Sainte-Anne" };
	struct arena		*a = arena_new();
	struct conf_meeting	 m;

	memset(&m, 0, sizeof(m));
	m.name = "Physics 4B: optics & waves";
	m.meeting_id = "lectern-7f3a9c";
	m.welcome = "Welcome to <b>%%CONFNAME%%</b>!";
	m.record = 1;
	m.allow_camera = 0;
	m.allow_mic = 1;
	m.mute_on_join = 1;
	m.logout_url = "https://school.example/channel/3?x=1&y=2";
	m.meta_names = names;
	m.meta_values = values;
	m.nmeta = 2;
	m.end_callback_url = "https://school.example/callback/end/17?t=ab+cd";
	m.recording_ready_url = "https://school.example/callback/recording";
	m.analytics_url = "https://school.example/callback/analytics";
	assert_string_equal(bbb_create_query(a, &m),
	    "name=Physics+4B%3A+optics+%26+waves"
	    "&meetingID=lectern-7f3a9c"
	    "&welcome=Welcome+to+%3Cb%3E%25%25CONFNAME%25%25%3C%2Fb%3E%21"
	    "&record=true&autoStartRecording=true"
	    "&lockSettingsDisableCam=true&lockSettingsDisableMic=false"
	    "&muteOnStart=true"
	    "&logoutURL=https%3A%2F%2Fschool.example%2Fchannel%2F3%3Fx%3D1"
	    "%26y%3D2"
	    "&meta_lectern-classroom=17"
	    "&meta_school=Ecole+Sainte-Anne"
	    "&meta_endCallbackUrl=https%3A%2F%2Fschool.example%2Fcallback"
	    "%2Fend%2F17%3Ft%3Dab%2Bcd"
	    "&meta_bbb-recording-ready-url=https%3A%2F%2Fschool.example"
	    "%2Fcallback%2Frecording"
	    "&meetingKeepEvents=true"
	    "&meta_analytics-callback-url=https%3A%2F%2Fschool.example"
	    "%2Fcallback%2Fanalytics");

	/* Names are cut to 64 characters, not bytes. */
	memset(&m, 0, sizeof(m));
	m.name = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "0123456789012345678901234567890123456789012345678901234567890";
	assert_string_equal(bbb_create_query(a, &m),
	    "name=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9"
	    "01234567890123456789012345678901234567890123456789012345"
	    "&record=false&autoStartRecording=false"
	    "&lockSettingsDisableCam=true&lockSettingsDisableMic=true"
	    "&muteOnStart=false");
	arena_free(a);
}

/* The slides body: one document per slide, attributes escaped. */
static void
test_slides_xml(void **state)
{
	static const char *const urls[] = {
		"https://school.example/files/1/slides.pdf?t=a&e=1",
		"https://school.example/files/2/x.pdf",
	};
	static const char *const names[] = {
		"Optics \"part 1\" <draft> & 'notes'.pdf",
		"tab\there\nline\x01.pdf",
	};
	struct arena		*a = arena_new();
	struct conf_meeting	 m;
	struct buf		 b;

	memset(&m, 0, sizeof(m));
	m.slide_urls = urls;
	m.slide_names = names;
	m.nslides = 2;
	assert_string_equal(bbb_slides_xml(a, &m),
	    "<modules><module name=\"presentation\">"
	    "<document url=\"https://school.example/files/1/slides.pdf?t=a"
	    "&amp;e=1\" filename=\"Optics &quot;part 1&quot; &lt;draft&gt;"
	    " &amp; &apos;notes&apos;.pdf\"/>"
	    "<document url=\"https://school.example/files/2/x.pdf\" "
	    "filename=\"tab&#9;here&#10;line.pdf\"/>"
	    "</module></modules>");
	/* No names: url only. */
	m.slide_names = NULL;
	m.nslides = 1;
	assert_string_equal(bbb_slides_xml(a, &m),
	    "<modules><module name=\"presentation\">"
	    "<document url=\"https://school.example/files/1/slides.pdf?t=a"
	    "&amp;e=1\"/></module></modules>");
	/* Non-UTF-8 bytes become U+FFFD; UTF-8 stays. */
	buf_init(&b);
	bbb_xml_attr(&b, "caf\xc3\xa9 \xff \xf0\x9f\x98\x80 \xc3");
	buf_puts(&b, "");
	assert_string_equal(b.data,
	    "caf\xc3\xa9 \xef\xbf\xbd \xf0\x9f\x98\x80 \xef\xbf\xbd");
	buf_free(&b);
	arena_free(a);
}

/*
 * Join for a moderator and a viewer; the checksums were computed with
 * sha256sum / sha512sum over "join" + query + secret.
 */
static void
test_join(void **state)
{
	struct arena		*a = arena_new();
	struct conf_user	 u;
	const char		*q;

	memset(&u, 0, sizeof(u));
	u.user_id = "42";
	u.full_name = "Ada L\xc3\xb6we";
	u.avatar_url = "https://school.example/avatar/42.png";
	u.moderator = 1;
	q = bbb_join_query(a, "lectern-7f3a9c", 1717400000123LL, &u);
	assert_string_equal(q, "fullName=Ada+L%C3%B6we"
	    "&meetingID=lectern-7f3a9c&role=MODERATOR&userID=42"
	    "&avatarURL=https%3A%2F%2Fschool.example%2Favatar%2F42.png"
	    "&createTime=1717400000123&redirect=false");
	assert_string_equal(bbb_signed_url(a,
	    "https://bbb.example.org/bigbluebutton/", "join", q, BBB_SHA256,
	    DOC_SECRET),
	    "https://bbb.example.org/bigbluebutton/api/join?"
	    "fullName=Ada+L%C3%B6we"
	    "&meetingID=lectern-7f3a9c&role=MODERATOR&userID=42"
	    "&avatarURL=https%3A%2F%2Fschool.example%2Favatar%2F42.png"
	    "&createTime=1717400000123&redirect=false"
	    "&checksum=ab714f26de9accdc1b9afbda00466726"
	    "8cd18e0721dc6040bb3dc2fd3121540c");

	/* Viewer, no avatar, no create time yet. */
	memset(&u, 0, sizeof(u));
	u.user_id = "43";
	u.full_name = "Bob & Co";
	u.avatar_url = "";
	q = bbb_join_query(a, "lectern-7f3a9c", 0, &u);
	assert_string_equal(q, "fullName=Bob+%26+Co&meetingID=lectern-7f3a9c"
	    "&role=VIEWER&userID=43&redirect=false");
	assert_string_equal(bbb_signed_url(a, "http://h/bigbluebutton/",
	    "join", q, BBB_SHA512, DOC_SECRET),
	    "http://h/bigbluebutton/api/join?"
	    "fullName=Bob+%26+Co&meetingID=lectern-7f3a9c"
	    "&role=VIEWER&userID=43&redirect=false"
	    "&checksum=797aece7c755dee3df11ea9e2ab6679b19850c56fb77b4eed335d565bb421"
	    "b520292e90eb67c18bd658ba5f00bc20d183b5101e677db985589192ca030"
	    "1a7dd7");
	arena_free(a);
}

/* Parse s; 1 when it is an API answer. */
static int
parse(struct arena *a, const char *s, struct bbb_resp *r, const char **why)
{
	return bbbxml_parse(a, s, strlen(s), r, why);
}

static void
test_xml_create(void **state)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why = "x";

	assert_true(parse(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<response>\n  <returncode>SUCCESS</returncode>\n"
	    "  <meetingID>lectern-7f3a9c</meetingID>\n"
	    "  <internalMeetingID>5c1d3e0f-1717400000123</internalMeetingID>\n"
	    "  <parentMeetingID>bbb-none</parentMeetingID>\n"
	    "  <createTime>1717400000123</createTime>\n"
	    "  <voiceBridge>71234</voiceBridge>\n"
	    "  <hasUserJoined>false</hasUserJoined>\n"
	    "  <messageKey></messageKey>\n  <message></message>\n"
	    "</response>\n", &r, &why));
	assert_null(why);
	assert_true(r.success);
	assert_string_equal(r.returncode, "SUCCESS");
	assert_string_equal(r.meeting_id, "lectern-7f3a9c");
	assert_string_equal(r.internal_meeting_id, "5c1d3e0f-1717400000123");
	assert_true(r.create_time == 1717400000123LL);
	assert_string_equal(r.message_key, "");
	assert_int_equal(r.nattendees, 0);
	assert_null(r.attendees);

	/* The second create of the same meeting. */
	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<meetingID>lectern-7f3a9c</meetingID>"
	    "<createTime>1717400000123</createTime>"
	    "<hasUserJoined>true</hasUserJoined>"
	    "<messageKey>duplicateWarning</messageKey><message>This "
	    "conference was already in existence and may currently be in "
	    "progress.</message></response>", &r, &why));
	assert_true(r.success);
	assert_string_equal(r.message_key, "duplicateWarning");
	assert_true(r.create_time == 1717400000123LL);
	arena_free(a);
}

static void
test_xml_failed(void **state)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why;

	assert_true(parse(a, "<response><returncode>FAILED</returncode>"
	    "<messageKey>checksumError</messageKey>"
	    "<message>Checksums do not match</message></response>", &r, &why));
	assert_false(r.success);
	assert_string_equal(r.returncode, "FAILED");
	assert_string_equal(r.message_key, "checksumError");
	assert_string_equal(r.message, "Checksums do not match");

	assert_true(parse(a, "<response>\n<returncode>FAILED</returncode>\n"
	    "<messageKey>notFound</messageKey>\n<message>We could not find a "
	    "meeting with\nthat meeting ID</message>\n</response>", &r, &why));
	assert_false(r.success);
	assert_string_equal(r.message_key, "notFound");
	/* A line break inside a message becomes a space (one log line). */
	assert_string_equal(r.message,
	    "We could not find a meeting with that meeting ID");

	/* A returncode that is neither is not an answer. */
	assert_false(parse(a, "<response><returncode>MAYBE</returncode>"
	    "</response>", &r, &why));
	assert_string_equal(why, "no returncode");
	assert_false(parse(a, "<response><running>true</running></response>",
	    &r, &why));
	assert_string_equal(why, "no returncode");
	assert_null(r.returncode);
	arena_free(a);
}

static void
test_xml_meeting_info(void **state)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why;

	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<meetingName>Physics</meetingName>"
	    "<meetingID>lectern-7f3a9c</meetingID>"
	    "<createTime>1717400000123</createTime><running>true</running>"
	    "<participantCount>3</participantCount>"
	    "<attendees>"
	    "<attendee><userID>u12</userID><fullName>Ada Lovelace</fullName>"
	    "<role>MODERATOR</role><isPresenter>true</isPresenter>"
	    "<customdata></customdata></attendee>\n"
	    "<attendee><userID>u40</userID>"
	    "<fullName>  Zo\xc3\xab &amp; &#220;nal </fullName>"
	    "<role>VIEWER</role></attendee>"
	    "<attendee><userID>u41</userID>"
	    "<fullName><![CDATA[Bob <the builder>]]></fullName>"
	    "<role>VIEWER</role></attendee>"
	    "</attendees><metadata><lectern-classroom>17</lectern-classroom>"
	    "</metadata></response>", &r, &why));
	assert_true(r.success);
	assert_true(r.running);
	assert_true(r.create_time == 1717400000123LL);
	assert_true(r.participant_count == 3);
	assert_int_equal(r.nattendees, 3);
	assert_string_equal(r.attendees[0].user_id, "u12");
	assert_string_equal(r.attendees[0].full_name, "Ada Lovelace");
	assert_string_equal(r.attendees[0].role, "MODERATOR");
	assert_string_equal(r.attendees[1].full_name,
	    "Zo\xc3\xab & \xc3\x9cnal");
	assert_string_equal(r.attendees[1].role, "VIEWER");
	assert_string_equal(r.attendees[2].full_name, "Bob <the builder>");

	/* isMeetingRunning, both ways; a bad number reads as 0. */
	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<running>false</running><createTime>-5</createTime>"
	    "</response>", &r, &why));
	assert_false(r.running);
	assert_true(r.create_time == 0);
	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<running>true</running><createTime>99999999999999999999"
	    "</createTime></response>", &r, &why));
	assert_true(r.running);
	assert_true(r.create_time == 0);
	arena_free(a);
}

static void
test_xml_recordings(void **state)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why;

	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<recordings><recording>"
	    "<recordID>5c1d-1717400000123</recordID>"
	    "<meetingID>lectern-7f3a9c</meetingID>"
	    "<name>Physics</name><published>true</published>"
	    "<state>published</state><startTime>1717400000123</startTime>"
	    "<endTime>1717403600456</endTime><participants>14</participants>"
	    "<metadata><meetingName>Physics</meetingName></metadata>"
	    "<playback><format><type>podcast</type>"
	    "<url>https://bbb.example.org/podcast/5c1d/audio.ogg</url>"
	    "<length>60</length></format>"
	    "<format><type>presentation</type>"
	    "<url>https://bbb.example.org/playback/presentation/2.3/5c1d</url>"
	    "<preview><images><image alt=\"Welcome\">https://bbb.example.org/"
	    "t.png</image></images></preview></format></playback>"
	    "</recording>"
	    "<recording><recordID>5c1d-1717490000999</recordID>"
	    "<meetingID>lectern-7f3a9c</meetingID>"
	    "<published>false</published><state>processing</state>"
	    "<startTime>1717490000999</startTime><endTime>1717493000000"
	    "</endTime><playback></playback></recording>"
	    "<recording><recordID>5c1d-3</recordID><state>unpublished</state>"
	    "<playback><format><type>video</type><url>https://v/1.mp4</url>"
	    "</format></playback></recording>"
	    "</recordings></response>", &r, &why));
	assert_int_equal(r.nrecordings, 3);
	assert_string_equal(r.recordings[0].record_id, "5c1d-1717400000123");
	assert_string_equal(r.recordings[0].meeting_id, "lectern-7f3a9c");
	assert_string_equal(r.recordings[0].state, "published");
	assert_true(r.recordings[0].published);
	assert_true(r.recordings[0].start_time == 1717400000123LL);
	assert_true(r.recordings[0].end_time == 1717403600456LL);
	/* The presentation format wins over the podcast listed first. */
	assert_string_equal(r.recordings[0].playback_url,
	    "https://bbb.example.org/playback/presentation/2.3/5c1d");
	assert_string_equal(r.recordings[1].state, "processing");
	assert_false(r.recordings[1].published);
	assert_null(r.recordings[1].playback_url);
	assert_string_equal(r.recordings[2].playback_url, "https://v/1.mp4");

	assert_true(parse(a, "<response><returncode>SUCCESS</returncode>"
	    "<recordings></recordings><messageKey>noRecordings</messageKey>"
	    "<message>There are no recordings for the meeting(s).</message>"
	    "</response>", &r, &why));
	assert_true(r.success);
	assert_int_equal(r.nrecordings, 0);
	assert_null(r.recordings);
	arena_free(a);
}

/* Lists and strings are bounded. */
static void
test_xml_bounds(void **state)
{
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	struct buf	 b;
	const char	*why;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "<response><returncode>SUCCESS</returncode><recordings>");
	for (i = 0; i < BBBXML_MAX_RECORDINGS + 20; i++)
		buf_printf(&b, "<recording><recordID>r%zu</recordID>"
		    "</recording>", i);
	buf_puts(&b, "</recordings><attendees>");
	for (i = 0; i < BBBXML_MAX_ATTENDEES + 5; i++)
		buf_printf(&b, "<attendee><userID>u%zu</userID>"
		    "</attendee>", i);
	buf_puts(&b, "</attendees><message>");
	for (i = 0; i < BBBXML_MAX_TEXT; i++)
		buf_puts(&b, "\xc3\xa9");	/* two bytes each */
	buf_puts(&b, "</message></response>");
	assert_true(bbbxml_parse(a, b.data, b.len, &r, &why));
	assert_int_equal(r.nrecordings, BBBXML_MAX_RECORDINGS);
	assert_string_equal(r.recordings[99].record_id, "r99");
	assert_int_equal(r.nattendees, BBBXML_MAX_ATTENDEES);
	/* Cut on a character boundary. */
	assert_int_equal(strlen(r.message), BBBXML_MAX_TEXT);
	assert_int_equal((unsigned char)r.message[BBBXML_MAX_TEXT - 2], 0xc3);
	buf_free(&b);

	/*
	 * Leading blanks do not count; a cut that ends on a blank is
	 * trimmed again.
	 */
	buf_init(&b);
	buf_puts(&b, "<response><returncode>SUCCESS</returncode><message>\n");
	for (i = 0; i < 50; i++)
		buf_puts(&b, " \t");
	for (i = 0; i < BBBXML_MAX_TEXT - 1; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, " yyyy</message></response>");
	assert_true(bbbxml_parse(a, b.data, b.len, &r, &why));
	assert_int_equal(strlen(r.message), BBBXML_MAX_TEXT - 1);
	assert_int_equal(strspn(r.message, "x"), BBBXML_MAX_TEXT - 1);
	buf_free(&b);

	/* More than BBBXML_MAX_INPUT bytes is refused before parsing. */
	buf_init(&b);
	buf_puts(&b, "<response><returncode>SUCCESS</returncode><message>");
	while (b.len <= BBBXML_MAX_INPUT)
		buf_puts(&b, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	buf_puts(&b, "</message></response>");
	assert_false(bbbxml_parse(a, b.data, b.len, &r, &why));
	assert_string_equal(why, "answer too large");
	buf_free(&b);
	arena_free(a);
}

/*
 * What is not an answer: an HTML error page, truncated XML, another
 * root, nothing at all, and any DOCTYPE, whose entities must be neither
 * expanded nor even read.  Nothing may reach stderr.
 */
static void
test_xml_refused(void **state)
{
	static const struct {
		const char	*doc, *why;
	} c[] = {
		{ "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"
		  "</head><body><h1>502 Bad Gateway</h1><hr>nginx</body>"
		  "</html>", "DOCTYPE refused" },
		{ "<html><body><h1>500 Internal Server Error<br></h1></body>"
		  "</html>", "not XML" },
		{ "<html><body><p>Apache Tomcat</p></body></html>",
		  "not a <response>" },
		{ "<response><returncode>SUCCESS</returncode><meetingID>trunc",
		  "not XML" },
		{ "<response><returncode>SUCCESS</returncode>", "not XML" },
		{ "{\"returncode\":\"SUCCESS\"}", "not XML" },
		{ "", "empty answer" },
		{ "   ", "not XML" },
		{ "<response><returncode>SUCCESS</returncode></response>junk",
		  "not XML" },
		{ "<response><returncode>SUCCESS</returncode>"
		  "<message>&undefined;</message></response>", "not XML" },
		{ "<?xml version=\"1.0\"?>\n<!DOCTYPE response [\n"
		  "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		  "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		  "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		  "]>\n<response><returncode>SUCCESS</returncode>"
		  "<message>&c;</message></response>", "DOCTYPE refused" },
		{ "<!DOCTYPE response SYSTEM \"http://127.0.0.1:9/x.dtd\">"
		  "<response><returncode>SUCCESS</returncode></response>",
		  "DOCTYPE refused" },
		{ "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
		  "\"file:///etc/passwd\">]><response><returncode>SUCCESS"
		  "</returncode><message>&x;</message></response>",
		  "DOCTYPE refused" },
		{ "<!DOCTYPE response><response><returncode>SUCCESS"
		  "</returncode></response>", "DOCTYPE refused" },
	};
	struct arena	*a = arena_new();
	struct bbb_resp	 r;
	const char	*why;
	char		 path[] = "/tmp/test-bbb.XXXXXX";
	int		 fd, saved;
	off_t		 size;
	size_t		 i;

	/* Catch anything libxml2 would print. */
	fflush(stderr);
	assert_true((fd = mkstemp(path)) != -1);
	unlink(path);
	saved = dup(2);
	assert_true(saved != -1);
	dup2(fd, 2);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		r.returncode = (char *)"stale";
		why = NULL;
		if (parse(a, c[i].doc, &r, &why)) {
			dup2(saved, 2);
			fail_msg("case %zu parsed", i);
		}
		if (why == NULL || strcmp(why, c[i].why) != 0) {
			dup2(saved, 2);
			fail_msg("case %zu: \"%s\", wanted \"%s\"", i,
			    why != NULL ? why : "(null)", c[i].why);
		}
		assert_null(r.returncode);
		assert_null(r.message);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	size = lseek(fd, 0, SEEK_END);
	close(fd);
	assert_int_equal(size, 0);
	arena_free(a);
}

/* A configuration for the Jitsi tests. */
static void
jitsi_cfg(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->conference_provider = (char *)"jitsi";
	cfg->jitsi_url = (char *)"https://Meet.Example.org/";
	cfg->jitsi_app_id = (char *)"lectern";
	cfg->jitsi_secret = (char *)"example_app_secret";
}

/*
 * The token: verified with jwt_verify, header and every claim checked
 * against the exact JSON, strings escaped.
 */
static void
test_jitsi_token(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_user	 u;
	char			*tok, *payload, *dot;
	unsigned char		*hdr;
	size_t			 len;

	jitsi_cfg(&cfg);
	memset(&u, 0, sizeof(u));
	u.user_id = "42";
	u.full_name = "Ada \"the\" L\xc3\xb6we\\\n\x01";
	u.avatar_url = "https://school.example/a/42.png";
	u.moderator = 1;
	tok = jitsi_token(&cfg, a, "room-1", &u, 1700000000LL, 3600);
	assert_non_null(tok);
	assert_true(jwt_verify(a, JWT_HS256, "example_app_secret", 18, tok,
	    &payload));
	assert_string_equal(payload,
	    "{\"aud\":\"jitsi\",\"iss\":\"lectern\","
	    "\"sub\":\"meet.example.org\","
	    "\"room\":\"room-1\",\"exp\":1700003600,\"nbf\":1699999940,"
	    "\"context\":{\"user\":{\"id\":\"42\","
	    "\"name\":\"Ada \\\"the\\\" L\xc3\xb6we\\\\\\n\\u0001\","
	    "\"avatar\":\"https://school.example/a/42.png\","
	    "\"moderator\":\"true\"}},\"moderator\":true}");
	dot = strchr(tok, '.');
	assert_non_null(dot);
	hdr = b64url_decode(a, arena_strndup(a, tok, (size_t)(dot - tok)),
	    &len);
	assert_non_null(hdr);
	assert_string_equal((char *)hdr,
	    "{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
	/* Not with another key, not as HS512. */
	assert_false(jwt_verify(a, JWT_HS256, "other", 5, tok, &payload));
	assert_false(jwt_verify(a, JWT_HS512, "example_app_secret", 18, tok,
	    &payload));

	/* A viewer without an avatar: avatar "", moderator false. */
	memset(&u, 0, sizeof(u));
	u.user_id = "43";
	u.full_name = "Bob";
	tok = jitsi_token(&cfg, a, "room-1", &u, 1700000000LL, 60);
	assert_true(jwt_verify(a, JWT_HS256, "example_app_secret", 18, tok,
	    &payload));
	assert_string_equal(payload,
	    "{\"aud\":\"jitsi\",\"iss\":\"lectern\","
	    "\"sub\":\"meet.example.org\","
	    "\"room\":\"room-1\",\"exp\":1700000060,\"nbf\":1699999940,"
	    "\"context\":{\"user\":{\"id\":\"43\",\"name\":\"Bob\","
	    "\"avatar\":\"\",\"moderator\":\"false\"}},\"moderator\":false}");

	/* The host alone, whatever the address holds around it. */
	cfg.jitsi_url = (char *)"http://user@MEET.example.org:8443/t?x#y";
	tok = jitsi_token(&cfg, a, "r", &u, 1700000000LL, 60);
	assert_true(jwt_verify(a, JWT_HS256, "example_app_secret", 18, tok,
	    &payload));
	assert_non_null(strstr(payload, "\"sub\":\"meet.example.org\""));

	/* No secret or no address: no token. */
	cfg.jitsi_url = (char *)"https://meet.example.org";
	cfg.jitsi_secret = (char *)"";
	assert_null(jitsi_token(&cfg, a, "room-1", &u, 1700000000LL, 60));
	cfg.jitsi_secret = (char *)"example_app_secret";
	cfg.jitsi_url = (char *)"";
	assert_null(jitsi_token(&cfg, a, "room-1", &u, 1700000000LL, 60));
	arena_free(a);
}

/* The Jitsi provider: create, join address, the empty answers. */
static void
test_jitsi_provider(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_user	 u;
	struct conf_meeting	 m;
	struct conf_info	 info;
	struct conf_recording	*list = (void *)1;
	const char		*prefix;
	char			*url, *payload, *err = NULL;
	long long		 ct = 0, now = (long long)time(NULL);
	size_t			 n = 9;
	int			 running = 1;
	long long		 exp, nbf;
	const char		*p;

	jitsi_cfg(&cfg);
	prefix = "https://meet.example.org/room-1?jwt=";
	cfg.jitsi_url = (char *)"https://meet.example.org//";
	memset(&m, 0, sizeof(m));
	m.meeting_id = "room-1";
	assert_int_equal(conf_jitsi.create(&cfg, a, &m, &ct, &err), CONF_OK);
	assert_true(ct >= now * 1000 - 1000 && ct <= now * 1000 + 5000);

	memset(&u, 0, sizeof(u));
	u.user_id = "42";
	u.full_name = "Ada";
	assert_int_equal(conf_jitsi.join(&cfg, a, "room-1", ct, &u, &url,
	    &err), CONF_OK);
	assert_non_null(url);
	assert_int_equal(strncmp(url, prefix, strlen(prefix)), 0);
	assert_true(jwt_verify(a, JWT_HS256, "example_app_secret", 18,
	    url + strlen(prefix), &payload));
	assert_non_null(strstr(payload, "\"room\":\"room-1\""));
	assert_non_null(strstr(payload, "\"moderator\":false}"));
	/* Valid now, for a lesson's length, not for days. */
	assert_non_null(p = strstr(payload, "\"exp\":"));
	exp = atoll(p + 6);
	assert_non_null(p = strstr(payload, "\"nbf\":"));
	nbf = atoll(p + 6);
	assert_true(nbf <= now && nbf >= now - 300);
	assert_true(exp >= now + 3600 && exp <= now + 86400);

	assert_int_equal(conf_jitsi.end(&cfg, a, "room-1", &err), CONF_OK);
	assert_int_equal(conf_jitsi.is_running(&cfg, a, "room-1", &running,
	    &err), CONF_OK);
	assert_int_equal(running, 0);
	memset(&info, 0xff, sizeof(info));
	assert_int_equal(conf_jitsi.info(&cfg, a, "room-1", &info, &err),
	    CONF_OK);
	assert_int_equal(info.nattendees, 0);
	assert_null(info.attendees);
	assert_int_equal(conf_jitsi.recordings(&cfg, a, "room-1", 0, 10,
	    &list, &n, &err), CONF_OK);
	assert_null(list);
	assert_int_equal(n, 0);
	assert_int_equal(conf_jitsi.publish(&cfg, a, "r", 1, &err), CONF_OK);
	assert_int_equal(conf_jitsi.delete_recording(&cfg, a, "r", &err),
	    CONF_OK);

	cfg.jitsi_secret = (char *)"";
	assert_int_equal(conf_jitsi.join(&cfg, a, "room-1", ct, &u, &url,
	    &err), CONF_UNAVAILABLE);
	assert_null(url);
	arena_free(a);
}

/* A click waits a few seconds; listings get bbb_timeout; never more. */
static void
test_call_timeout(void **state)
{
	assert_int_equal(bbb_call_timeout("create", 8), 5);
	assert_int_equal(bbb_call_timeout("join", 8), 4);
	assert_int_equal(bbb_call_timeout("end", 8), 4);
	assert_int_equal(bbb_call_timeout("publishRecordings", 8), 5);
	assert_int_equal(bbb_call_timeout("deleteRecordings", 8), 5);
	assert_int_equal(bbb_call_timeout("isMeetingRunning", 8), 4);
	assert_int_equal(bbb_call_timeout("getMeetingInfo", 8), 4);
	assert_int_equal(bbb_call_timeout("getRecordings", 8), 8);
	assert_int_equal(bbb_call_timeout("getRecordings", 30), 30);
	assert_int_equal(bbb_call_timeout(NULL, 8), 8);
	/* The configured ceiling wins when it is shorter. */
	assert_int_equal(bbb_call_timeout("join", 2), 2);
	assert_int_equal(bbb_call_timeout("create", 1), 1);
	assert_int_equal(bbb_call_timeout("join", 0), 1);
	assert_int_equal(bbb_call_timeout("JOIN", 8), 8);
	/* The connection itself never waits longer than the call. */
	assert_true(BBB_CONNECT_TIMEOUT <= bbb_call_timeout("join", 8));
	/* The provider says whether its last call timed out; Jitsi calls
	 * no server. */
	assert_non_null(conf_bbb.timed_out);
	assert_null(conf_jitsi.timed_out);
}

/* The mark's window: closed, open, the trial once it is over. */
static void
test_breaker_window(void **state)
{
	const long long	 w = CONF_BREAKER_WINDOW_MS, t = 1700000000000LL;

	/* No mark: call. */
	assert_int_equal(conf_gate_at(0, t, w), CONF_GATE_CLOSED);
	assert_int_equal(conf_gate_at(-5, t, w), CONF_GATE_CLOSED);
	/* Inside the window: refuse, up to its last millisecond. */
	assert_int_equal(conf_gate_at(t + w, t, w), CONF_GATE_OPEN);
	assert_int_equal(conf_gate_at(t + 1, t, w), CONF_GATE_OPEN);
	/* Over (exactly at its end or later): one trial call. */
	assert_int_equal(conf_gate_at(t, t, w), CONF_GATE_PROBE);
	assert_int_equal(conf_gate_at(t - 1, t, w), CONF_GATE_PROBE);
	assert_int_equal(conf_gate_at(1, t, w), CONF_GATE_PROBE);
	/* Further ahead than a window (the clock went back): over. */
	assert_int_equal(conf_gate_at(t + w + 1, t, w), CONF_GATE_PROBE);
	assert_int_equal(conf_gate_at(LLONG_MAX, t, w), CONF_GATE_PROBE);
	/* A new window starts now and lasts w; no overflow at the end. */
	assert_true(conf_gate_until(t, w) == t + w);
	assert_int_equal(conf_gate_at(conf_gate_until(t, w), t, w),
	    CONF_GATE_OPEN);
	assert_int_equal(conf_gate_at(conf_gate_until(t, w), t + w, w),
	    CONF_GATE_PROBE);
	assert_true(conf_gate_until(LLONG_MAX - 10, w) == LLONG_MAX);
	assert_true(conf_gate_until(t, -1) == t);
	assert_true(w == 30000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checksum_vectors),
		cmocka_unit_test(test_signed_url),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_create_options),
		cmocka_unit_test(test_create_full),
		cmocka_unit_test(test_slides_xml),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_xml_create),
		cmocka_unit_test(test_xml_failed),
		cmocka_unit_test(test_xml_meeting_info),
		cmocka_unit_test(test_xml_recordings),
		cmocka_unit_test(test_xml_bounds),
		cmocka_unit_test(test_xml_refused),
		cmocka_unit_test(test_jitsi_token),
		cmocka_unit_test(test_jitsi_provider),
		cmocka_unit_test(test_call_timeout),
		cmocka_unit_test(test_breaker_window),
	};

	return cmocka_run_group_tests_name("bbb", tests, setup, NULL);
}
