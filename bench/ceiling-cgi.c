/*
 * ceiling-cgi.c: the plain-CGI ceiling bench/run measures beside Lectern.
 * A minimal CGI program, run by fcgiwrap behind the same nginx: it
 * writes the bytes of $BENCH_CEILING_DIR/NAME for the request's
 * DOCUMENT_URI /cgi/NAME, and exits.  Like every CGI program it starts
 * afresh for each request; it does nothing else.
 *
 *	cc -O2 -o ceiling-cgi ceiling-cgi.c
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write all of p; 0 on failure. */
static int
write_all(const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(STDOUT_FILENO, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		p += w;
		n -= (size_t)w;
	}
	return 1;
}

/* 1 when name is letters, digits, '-', '_', '.', not starting with '.'. */
static int
good_name(const char *name)
{
	const char	*p;

	if (*name == '\0' || *name == '.')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_' &&
		    *p != '.')
			return 0;
	return 1;
}

int
main(void)
{
	const char	*uri = getenv("DOCUMENT_URI");
	const char	*dir = getenv("BENCH_CEILING_DIR");
	const char	*name;
	char		 path[4096], head[200], *data = NULL;
	size_t		 len = 0, cap = 0;
	ssize_t		 n;
	int		 fd, hn;

	name = uri != NULL && strrchr(uri, '/') != NULL ?
	    strrchr(uri, '/') + 1 : "";
	if (dir == NULL || !good_name(name) || (size_t)snprintf(path,
	    sizeof(path), "%s/%s", dir, name) >= sizeof(path) ||
	    (fd = open(path, O_RDONLY)) == -1) {
		fputs("Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\n"
		    "no such file\n", stdout);
		return 0;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((data = realloc(data, cap)) == NULL)
				return 1;
		}
		if ((n = read(fd, data + len, cap - len)) == -1 &&
		    errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	hn = snprintf(head, sizeof(head), "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %lu\r\n\r\n", (unsigned long)len);
	if (!write_all(head, (size_t)hn) || !write_all(data, len))
		return 1;
	free(data);
	return 0;
}
