/*
 * test-mail.c: email messages (RFC 2047 headers, quoted-printable
 * bodies, the whole message), the retry schedule of the outbox and the
 * times notifications show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "notify/mailmsg.h"
#include "notify/notice.h"
#include "schedule/notices.h"
#include "lib/util.h"

/* Standard base64 decoding, for checking encoded-words; NUL-ended. */
static char *
unb64(const char *s, size_t n)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char			*out = calloc(1, n + 1), *p;
	unsigned long		 v = 0;
	size_t			 i, o = 0;
	int			 bits = 0;

	for (i = 0; i < n && s[i] != '='; i++) {
		if ((p = strchr(tab, s[i])) == NULL)
			continue;
		v = v << 6 | (unsigned long)(p - tab);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)(v >> bits & 0xff);
		}
	}
	return out;
}

/* The text of every encoded-word of a header, joined. */
static char *
decode_words(const char *h)
{
	struct buf	 b;
	const char	*p = h, *e;
	char		*w;

	buf_init(&b);
	buf_puts(&b, "");
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		p += 10;
		e = strstr(p, "?=");
		assert_non_null(e);
		/* RFC 2047: at most 75 characters each. */
		assert_true(e - p + 12 <= 75);
		w = unb64(p, (size_t)(e - p));
		buf_puts(&b, w);
		free(w);
		p = e + 2;
	}
	return b.data;
}

/* 1 when every line of s ends in CRLF and is at most max long. */
static int
lines_ok(const char *s, size_t max)
{
	const char	*nl;

	while (*s != '\0') {
		if ((nl = strchr(s, '\n')) == NULL)
			return 0;
		if (nl == s || nl[-1] != '\r' || (size_t)(nl - s - 1) > max)
			return 0;
		s = nl + 1;
	}
	return 1;
}

static void
test_backoff(void **state)
{
	static const struct {
		int	 attempt;
		long	 seconds;
	} t[] = {
		{ 1, 60 }, { 2, 300 }, { 3, 1800 }, { 4, 7200 },
		{ 5, 43200 }, { 6, 86400 }, { 7, 86400 }, { 0, 60 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(mail_backoff(t[i].attempt), t[i].seconds);
	/* Given up after a bit more than two and a half days. */
	assert_int_equal(MAIL_MAX_ATTEMPTS, 8);
}

static void
test_address(void **state)
{
	static const struct {
		const char	*addr;
		int		 ok;
	} t[] = {
		{ "lena.learner@lectern.test", 1 },
		{ "a+tag@example.org", 1 },
		{ "x@y", 1 },
		{ "", 0 },
		{ "no-at-sign", 0 },
		{ "@example.org", 0 },
		{ "lena@", 0 },
		{ "a@b@c", 0 },
		{ "lena learner@example.org", 0 },
		{ "lena@example.org\r\nBcc: x@y", 0 },
		{ "<lena@example.org>", 0 },
		{ "l\xc3\xa9na@example.org", 0 },
		{ "lena@example.org.", 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(mail_address_ok(t[i].addr), t[i].ok);
}

static void
test_url_host(void **state)
{
	static const struct {
		const char	*url, *host;
	} t[] = {
		{ "https://Lectern.Example.org", "lectern.example.org" },
		{ "http://127.0.0.1:18180", "127.0.0.1" },
		{ "https://school.example:8443/lectern/", "school.example" },
		{ "https://user:pw@host.example/x", "host.example" },
		{ "http://[::1]:8080/", "[::1]" },
		{ "not a url", "localhost" },
		{ "http://bad host/", "localhost" },
	};
	char	 out[64];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		mail_url_host(t[i].url, out, sizeof(out));
		assert_string_equal(out, t[i].host);
	}
}

static void
test_header_ascii(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	mail_header(&b, "Subject", "Reminder: Travel phrases");
	assert_string_equal(b.data, "Subject: Reminder: Travel phrases\r\n");
	/* CR and LF cannot start a new header. */
	buf_reset(&b);
	mail_header(&b, "Subject", "Hi\r\nBcc: victim@example.org");
	assert_null(strstr(b.data, "\r\nBcc"));
	assert_true(lines_ok(b.data, 78));
	/* A long subject folds at spaces, below 78 columns. */
	buf_reset(&b);
	mail_header(&b, "Subject", "New live session: a very long title "
	    "that goes on and on and on, well past the width of one "
	    "header line, on 2031-03-24 at 14:00 CET");
	assert_true(lines_ok(b.data, 78));
	assert_non_null(strstr(b.data, "\r\n "));
	buf_free(&b);
}

static void
test_header_encoded(void **state)
{
	struct buf	 b;
	char		*text;
	const char	*long_subject =
	    "\xc3\x9c" "bung: \xc3\xbcnic\xc3\xb6" "de \xe2\x80\x93 "
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x8e\x88"
	    "\xe6\xa5\xad \xf0\x9f\x8e\x93 and a long tail of words so that "
	    "the value needs more than one encoded word to carry it";

	(void)state;
	buf_init(&b);
	mail_header(&b, "Subject", "Gr\xc3\xbc\xc3\x9f" "e");
	assert_string_equal(b.data, "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n");
	buf_reset(&b);
	mail_header(&b, "Subject", long_subject);
	assert_true(lines_ok(b.data, 78));
	text = decode_words(b.data);
	/* No character split between words: the text comes back whole. */
	assert_string_equal(text, long_subject);
	free(text);
	buf_free(&b);
}

static void
test_address_header(void **state)
{
	struct buf	 b;
	char		*text;

	(void)state;
	buf_init(&b);
	mail_address_header(&b, "To", "Lena Learner", "lena@example.org");
	assert_string_equal(b.data, "To: Lena Learner <lena@example.org>\r\n");
	buf_reset(&b);
	mail_address_header(&b, "From", "Lectern, \"Demo\" School",
	    "lectern@example.org");
	assert_string_equal(b.data, "From: \"Lectern, \\\"Demo\\\" School\" "
	    "<lectern@example.org>\r\n");
	buf_reset(&b);
	mail_address_header(&b, "To", "J\xc3\xbcrgen", "j@example.org");
	text = decode_words(b.data);
	assert_string_equal(text, "J\xc3\xbcrgen");
	free(text);
	assert_non_null(strstr(b.data, " <j@example.org>\r\n"));
	buf_reset(&b);
	mail_address_header(&b, "To", "", "j@example.org");
	assert_string_equal(b.data, "To: j@example.org\r\n");
	buf_free(&b);
}

static void
test_qp(void **state)
{
	static const struct {
		const char	*in, *out;
	} t[] = {
		{ "plain text\n", "plain text\r\n" },
		{ "a=b", "a=3Db\r\n" },
		{ "trailing space \nx", "trailing space=20\r\nx\r\n" },
		{ "tab\t\n", "tab=09\r\n" },
		{ ".\n", "=2E\r\n" },
		{ "line\r\n.dot", "line\r\n=2Edot\r\n" },
		{ "Gr\xc3\xbc\xc3\x9f" "e", "Gr=C3=BC=C3=9Fe\r\n" },
		{ "a\n\nb\n", "a\r\n\r\nb\r\n" },
	};
	struct buf	 b;
	size_t		 i;
	char		 line[300];

	(void)state;
	buf_init(&b);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		buf_reset(&b);
		mail_qp(&b, t[i].in);
		assert_string_equal(b.data, t[i].out);
	}
	/* A long line gets soft breaks and stays within 76 characters. */
	memset(line, 'x', 200);
	memcpy(line + 70, "\xc3\xa9\xc3\xa9\xc3\xa9", 6);
	line[200] = '\0';
	buf_reset(&b);
	mail_qp(&b, line);
	assert_true(lines_ok(b.data, 76));
	assert_non_null(strstr(b.data, "=\r\n"));
	buf_free(&b);
}

static void
test_date(void **state)
{
	char	 out[40];

	(void)state;
	mail_date((time_t)1932386400, out);
	assert_string_equal(out, "Thu, 27 Mar 2031 14:00:00 +0000");
}

static void
test_build(void **state)
{
	struct mail_msg	 m;
	struct buf	 b, again;
	const char	*body_at;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.id = 42;
	m.host = "lectern.example.org";
	m.date = (time_t)1932386400;
	m.from_name = "Demo School";
	m.from_addr = "lectern@example.org";
	m.to_name = "Lena Learner";
	m.to_addr = "lena@example.org";
	m.subject = "Reminder: \xc3\x9c" "bung";
	m.body = "Hello Lena,\n\n.\nSee you.\n";
	m.kind = "session_reminder";
	buf_init(&b);
	assert_int_equal(mail_build(&b, &m), 1);
	assert_true(lines_ok(b.data, 78));
	assert_non_null(strstr(b.data, "Date: Thu, 27 Mar 2031 14:00:00 "
	    "+0000\r\n"));
	assert_non_null(strstr(b.data, "From: Demo School "
	    "<lectern@example.org>\r\n"));
	assert_non_null(strstr(b.data, "To: Lena Learner "
	    "<lena@example.org>\r\n"));
	assert_non_null(strstr(b.data, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(b.data, "Message-ID: "
	    "<lectern.outbox.42@lectern.example.org>\r\n"));
	assert_non_null(strstr(b.data, "MIME-Version: 1.0\r\n"));
	assert_non_null(strstr(b.data, "Content-Type: text/plain; "
	    "charset=utf-8\r\n"));
	assert_non_null(strstr(b.data, "Content-Transfer-Encoding: "
	    "quoted-printable\r\n"));
	assert_non_null(strstr(b.data, "X-Lectern-Kind: session_reminder"));
	body_at = strstr(b.data, "\r\n\r\n");
	assert_non_null(body_at);
	assert_string_equal(body_at + 4, "Hello Lena,\r\n\r\n=2E\r\nSee "
	    "you.\r\n");
	/* Sent again later: the same Message-ID, so it is recognisable. */
	buf_init(&again);
	m.date += 3600;
	assert_int_equal(mail_build(&again, &m), 1);
	assert_non_null(strstr(again.data, "Message-ID: "
	    "<lectern.outbox.42@lectern.example.org>\r\n"));
	buf_free(&again);
	/* A bad recipient builds nothing. */
	buf_reset(&b);
	m.to_addr = "lena@example.org\nBcc: x@y";
	assert_int_equal(mail_build(&b, &m), 0);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void
test_when(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	/* 13:00 UTC is 14:00 in Berlin before the change, 15:00 after. */
	assert_string_equal(notice_when(a, "2031-03-27 13:00:00",
	    "2031-03-27 13:45:00", "Europe/Berlin"),
	    "Thursday 2031-03-27, 14:00\xe2\x80\x93" "14:45 "
	    "(Europe/Berlin CET)");
	assert_string_equal(notice_when(a, "2031-04-03 13:00:00", NULL,
	    "Europe/Berlin"), "Thursday 2031-04-03, 15:00 "
	    "(Europe/Berlin CEST)");
	assert_string_equal(notice_when(a, "2031-04-03 13:00:00", NULL,
	    "UTC"), "Thursday 2031-04-03, 13:00 (UTC)");
	assert_string_equal(notice_when(a, "garbage", NULL, "UTC"),
	    "garbage UTC");
	arena_free(a);
}

static void
test_cut(void **state)
{
	struct arena	*a = arena_new();

	(void)state;
	assert_string_equal(notice_cut(a, "short", 10), "short");
	assert_string_equal(notice_cut(a, "exactly10!", 10), "exactly10!");
	assert_string_equal(notice_cut(a, "eleven char", 10), "eleven ...");
	/* Characters, not bytes: the umlauts are not split. */
	assert_string_equal(notice_cut(a, "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc"
	    "\xc3\xbc\xc3\xbc", 5), "\xc3\xbc\xc3\xbc...");
	arena_free(a);
}

static void
test_notice(void **state)
{
	struct arena		*a = arena_new();
	struct notice_ctx	 c = { "https://lectern.example.org",
	    "Demo School", "Europe/Berlin" };
	struct live_notice	 s, next;
	struct notice_reader	 lena = { "Lena", "America/New_York", 0 };
	struct notice_reader	 tess = { "Tess", NULL, 1 };
	struct notice		 n;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.id = 7;
	s.title = "Travel phrases";
	s.course = "Conversation";
	s.lesson = "Lesson 3";
	s.teacher = "Tess Teacher";
	s.starts_at = "2031-03-27 13:00:00";
	s.ends_at = "2031-03-27 13:45:00";
	s.notes = "Bring a map.";
	s.participants = 2;
	live_notice_compose(a, &c, LN_REMINDER, &s, NULL, &lena, NULL, &n);
	assert_string_equal(n.kind, "session_reminder");
	assert_string_equal(n.link, "/platform/sessions/7");
	/* The learner's own zone: New York is on EDT by then. */
	assert_non_null(strstr(n.body, "09:00\xe2\x80\x93" "09:45 "
	    "(America/New_York EDT)"));
	assert_non_null(strstr(n.subject, "2031-03-27 at 09:00 EDT"));
	assert_non_null(strstr(n.body,
	    "https://lectern.example.org/platform/sessions/7"));
	assert_non_null(strstr(n.body, "Bring a map."));
	assert_non_null(strstr(n.body, "Lesson 3"));
	/* The teacher reads the school's zone. */
	live_notice_compose(a, &c, LN_SCHEDULED, &s, NULL, &tess,
	    "Ada Admin", &n);
	assert_non_null(strstr(n.body, "Ada Admin scheduled a live session "
	    "for you to teach"));
	assert_non_null(strstr(n.body, "14:00\xe2\x80\x93" "14:45 "
	    "(Europe/Berlin CET)"));
	s.cancel_reason = "Teacher ill";
	live_notice_compose(a, &c, LN_CANCELED, &s, NULL, &lena, NULL, &n);
	assert_non_null(strstr(n.body, "Reason: Teacher ill"));
	assert_non_null(strstr(n.summary, "Teacher ill"));
	memset(&next, 0, sizeof(next));
	next.id = 8;
	next.course = "Conversation";
	next.starts_at = "2031-04-03 12:00:00";
	next.ends_at = "2031-04-03 12:45:00";
	s.session_notes = "Homework: page 12.";
	live_notice_compose(a, &c, LN_FOLLOWUP, &s, &next, &lena, NULL, &n);
	assert_non_null(strstr(n.body, "Homework: page 12."));
	assert_non_null(strstr(n.body, "Thursday 2031-04-03, 08:00"));
	assert_non_null(strstr(n.body, "/platform/sessions/8"));
	live_notice_compose(a, &c, LN_FOLLOWUP, &s, NULL, &lena, NULL, &n);
	assert_non_null(strstr(n.body, "No further session"));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_url_host),
		cmocka_unit_test(test_header_ascii),
		cmocka_unit_test(test_header_encoded),
		cmocka_unit_test(test_address_header),
		cmocka_unit_test(test_qp),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_notice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
