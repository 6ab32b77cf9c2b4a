/*
 * main.c: lectern.fcgi.  Started on a listening socket (spawn-fcgi,
 * multiwatch, systemd) it serves FastCGI requests one at a time until
 * killed; started as plain CGI it answers the one request in its
 * environment.  Both paths go through dispatch_serve().  It refuses to
 * start when the route tables are not sound (routes_check).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "app.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "core/db.h"
#include "core/dispatch.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"

extern char **environ;

static int
fcgi_write(void *ctx, const char *p, size_t n)
{
	return FCGX_PutStr(p, (int)n, ((FCGX_Request *)ctx)->out);
}

static int
fcgi_read(void *ctx, char *p, size_t n)
{
	return FCGX_GetStr(p, (int)n, ((FCGX_Request *)ctx)->in);
}

static int
cgi_write(void *ctx, const char *p, size_t n)
{
	return (int)fwrite(p, 1, n, stdout);
}

static int
cgi_read(void *ctx, char *p, size_t n)
{
	size_t	 got = fread(p, 1, n, stdin);

	return ferror(stdin) ? -1 : (int)got;
}

/* Load what every worker needs; exits with a message on failure. */
static void
start(struct config *cfg)
{
	char	 err[512];

	if (!config_load(cfg, err, sizeof(err))) {
		fprintf(stderr, "lectern: config: %s\n", err);
		exit(1);
	}
	if (!crypto_start()) {
		fprintf(stderr, "lectern: libsodium did not initialise\n");
		exit(1);
	}
	if (!tpl_init(cfg->template_dir, err, sizeof(err))) {
		fprintf(stderr, "lectern: templates: %s\n", err);
		exit(1);
	}
}

int
main(int argc, char *argv[])
{
	struct config	 cfg;
	struct db	*db = NULL;
	struct io	 io;
	FCGX_Request	 rq;
	char		 err[512];

	app_init();
	if (!routes_check()) {
		fprintf(stderr, "lectern: the route tables are not sound\n");
		return 1;
	}
	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		routes_print();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "--check-routes") == 0)
		return 0;
	if (argc == 3 && strcmp(argv[1], "--check-templates") == 0) {
		if (!tpl_start(argv[2], err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		return 0;
	}
	signal(SIGPIPE, SIG_IGN);
	start(&cfg);

	if (FCGX_IsCGI()) {
		io.ctx = NULL;
		io.write = cgi_write;
		io.read = cgi_read;
		io.drain = 1;
		dispatch_serve(&cfg, &db, &io, environ);
		fflush(stdout);
		db_close(db);
		return 0;
	}

	if (FCGX_Init() != 0 || FCGX_InitRequest(&rq, 0, 0) != 0) {
		fprintf(stderr, "lectern: FastCGI setup failed\n");
		return 1;
	}
	io.ctx = &rq;
	io.write = fcgi_write;
	io.read = fcgi_read;
	io.drain = 0;
	while (FCGX_Accept_r(&rq) >= 0) {
		dispatch_serve(&cfg, &db, &io, rq.envp);
		FCGX_Finish_r(&rq);
	}
	db_close(db);
	return 0;
}
