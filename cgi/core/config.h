/*
 * config.h: the configuration read once when a worker or lecternctl
 * starts.  Values come from the file named by LECTERN_CONF (or the
 * installed default) and LECTERN_<KEY> environment overrides.
 */
#ifndef LECTERN_CONFIG_H
#define LECTERN_CONFIG_H

#include <stddef.h>

struct config {
	char	*path;		/* file read, for messages */
	char	*db_socket;
	char	*db_host;
	int	 db_port;
	char	*db_name;
	char	*db_user;
	char	*db_password;
	int	 db_timeout;
	int	 db_lock_wait;
	char	*base_url;
	char	*school_name;
	char	*timezone;
	char	*template_dir;
	char	*schema_dir;
	char	*tmp_dir;
	size_t	 body_limit;
	size_t	 upload_limit;
	int	 session_idle_minutes;
	int	 session_absolute_hours;
	int	 login_window_minutes;
	int	 login_max_account_failures;
	int	 login_max_address_failures;
	int	 cookie_secure;	/* -1 auto, 0 off, 1 on */
	int	 expose_query_count; /* X-Lectern-Queries header, for tests */
	int	 schedule_horizon_weeks; /* live sessions generated ahead */
	/* Mail (notifications) */
	char	*mail_transport;	/* "smtp" or "sendmail" */
	char	*smtp_url;		/* smtp://host:port or smtps:// */
	char	*smtp_user;
	char	*smtp_password;
	char	*sendmail_path;
	char	*mail_from;		/* address mail is sent from */
	int	 worker_batch;		/* messages per worker pass */
	int	 worker_interval;	/* seconds between passes of the loop */
	/* Classroom */
	char	*data_dir;		/* uploaded slides, outside the web root */
	char	*secret_key;		/* HMAC key of callback and file URLs */
	char	*conference_provider;	/* "bbb" or "jitsi" */
	char	*bbb_url;		/* ends in /bigbluebutton/ */
	char	*bbb_secret;
	char	*bbb_checksum;		/* "sha256" or "sha512" */
	int	 bbb_timeout;		/* seconds for one API call */
	int	 bbb_embed;		/* 1: the room embeds the client */
	char	*jitsi_url;		/* https://meet.example.org */
	char	*jitsi_app_id;
	char	*jitsi_secret;
};

/*
 * Read the configuration.  Returns 1 on success; on failure returns 0
 * with a message naming the file, line and key in err.  The message
 * never contains a secret value.  Allocates strings that live as long
 * as the process.
 */
int	config_load(struct config *, char *err, size_t errlen);

#endif
