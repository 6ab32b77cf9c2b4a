/*
 * replay.c: run a fuzz target without libFuzzer.  Every argument is a
 * file or a directory (whose files, except dot files, are taken in name
 * order); each file is passed once to LLVMFuzzerTestOneInput.  Output is
 * TAP, one "ok" per file and the plan last.  A crash ends the process,
 * which the TAP driver reports.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	ntests;
static int	failed;

/*
 * Read path into an exactly-sized heap buffer (so that sanitizers see
 * any read past the end) and run the target on it.  Prints one TAP line.
 */
static void
run_file(const char *path)
{
	FILE		*f;
	uint8_t		*data;
	struct stat	 st;
	size_t		 n = 0;

	ntests++;
	if ((f = fopen(path, "rb")) == NULL || fstat(fileno(f), &st) == -1) {
		printf("not ok %d - %s: %s\n", ntests, path, strerror(errno));
		failed = 1;
		if (f != NULL)
			fclose(f);
		return;
	}
	/*
	 * Like libFuzzer, never pass NULL, even for an empty input:
	 * malloc(0) gives a pointer with no bytes behind it.
	 */
	if ((data = malloc((size_t)st.st_size)) == NULL) {
		printf("not ok %d - %s: out of memory\n", ntests, path);
		failed = 1;
		fclose(f);
		return;
	}
	if (st.st_size > 0)
		n = fread(data, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		printf("not ok %d - %s: short read\n", ntests, path);
		failed = 1;
		free(data);
		return;
	}
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	printf("ok %d - %s\n", ntests, path);
	fflush(stdout);
}

/* Skip dot files (.gitkeep and the like) in directory listings. */
static int
visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Run every regular file of dir, in name order. */
static void
run_dir(const char *dir)
{
	struct dirent	**ents;
	struct stat	  st;
	char		  path[4096];
	int		  n, i, len;

	if ((n = scandir(dir, &ents, visible, alphasort)) == -1) {
		printf("not ok %d - %s: %s\n", ++ntests, dir, strerror(errno));
		failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		len = snprintf(path, sizeof(path), "%s/%s", dir,
		    ents[i]->d_name);
		if (len < 0 || (size_t)len >= sizeof(path)) {
			printf("not ok %d - %s/%s: path too long\n", ++ntests,
			    dir, ents[i]->d_name);
			failed = 1;
		} else if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			run_file(path);
		free(ents[i]);
	}
	free(ents);
}

/* Run every argument; exits 1 when an input could not be read. */
int
main(int argc, char *argv[])
{
	struct stat	 st;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			run_dir(argv[i]);
		else
			run_file(argv[i]);
	}
	if (ntests == 0)
		printf("1..0 # SKIP no inputs\n");
	else
		printf("1..%d\n", ntests);
	return failed;
}
