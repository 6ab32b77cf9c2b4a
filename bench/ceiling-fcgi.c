/*
 * ceiling-fcgi.c: the FastCGI ceiling bench/run measures beside Lectern.
 * A minimal libfcgi responder, run with as many workers as Lectern's
 * behind the same nginx: GET /fcgi/NAME.html answers 200 with the bytes
 * of DIR/NAME.html (DIR is its one argument), read on the first request
 * for NAME and kept in memory from then on.  Nothing else is done per
 * request: no database, no templates.
 *
 *	cc -O2 -o ceiling-fcgi ceiling-fcgi.c -lfcgi
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILES	256
#define MAX_NAME	64

struct file {
	char	 name[MAX_NAME];
	char	*data;
	size_t	 len;
};

static struct file	files[MAX_FILES];
static size_t		nfiles;
static const char	*dir;

/*
 * The name after the last slash of uri when it is made of letters,
 * digits, '-', '_' and '.' only (and does not start with '.'), or NULL.
 */
static const char *
file_name(const char *uri)
{
	const char	*n, *p;

	if (uri == NULL || (n = strrchr(uri, '/')) == NULL)
		return NULL;
	n++;
	if (*n == '\0' || *n == '.' || strlen(n) >= MAX_NAME)
		return NULL;
	for (p = n; *p != '\0'; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_' &&
		    *p != '.')
			return NULL;
	return n;
}

/* Read the whole of path into f; 0 on failure. */
static int
load(const char *path, struct file *f)
{
	struct stat	 st;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd, ok = 0;

	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	if (fstat(fd, &st) == -1 || (f->data = malloc((size_t)st.st_size +
	    1)) == NULL)
		goto out;
	while (got < (size_t)st.st_size) {
		n = read(fd, f->data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			goto out;
		got += (size_t)n;
	}
	f->len = got;
	ok = 1;
out:
	if (!ok) {
		free(f->data);
		f->data = NULL;
	}
	close(fd);
	return ok;
}

/* The file called name, loaded on first use, or NULL. */
static const struct file *
lookup(const char *name)
{
	struct file	*f;
	char		 path[4096];
	size_t		 i;

	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	if (nfiles == MAX_FILES)
		return NULL;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return NULL;
	f = &files[nfiles];
	if (!load(path, f))
		return NULL;
	strncpy(f->name, name, sizeof(f->name) - 1);
	nfiles++;
	return f;
}

int
main(int argc, char *argv[])
{
	FCGX_Request		 rq;
	const struct file	*f;
	const char		*name;

	if (argc != 2) {
		fprintf(stderr, "usage: ceiling-fcgi DIR\n");
		return 2;
	}
	dir = argv[1];
	if (FCGX_Init() != 0 || FCGX_InitRequest(&rq, 0, 0) != 0) {
		fprintf(stderr, "ceiling-fcgi: cannot initialise libfcgi\n");
		return 1;
	}
	while (FCGX_Accept_r(&rq) >= 0) {
		name = file_name(FCGX_GetParam("DOCUMENT_URI", rq.envp));
		if (name == NULL || (f = lookup(name)) == NULL)
			FCGX_PutS("Status: 404 Not Found\r\n"
			    "Content-Type: text/plain\r\n\r\nno such file\n",
			    rq.out);
		else {
			FCGX_FPrintF(rq.out, "Status: 200 OK\r\n"
			    "Content-Type: text/html; charset=utf-8\r\n"
			    "Content-Length: %lu\r\n\r\n",
			    (unsigned long)f->len);
			FCGX_PutStr(f->data, (int)f->len, rq.out);
		}
		FCGX_Finish_r(&rq);
	}
	return 0;
}
