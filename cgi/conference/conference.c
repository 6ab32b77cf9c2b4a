/*
 * conference.c: which conferencing provider serves this school.
 */
#include <string.h>

#include "conference/conference.h"
#include "core/config.h"

/* The provider named by conference_provider; BigBlueButton by default. */
const struct conf_provider *
conf_provider(const struct config *cfg)
{
	const struct conf_provider	*p;

	p = conf_provider_named(cfg->conference_provider);
	return p != NULL ? p : &conf_bbb;
}

/* The provider called name ("bbb", "jitsi"), or NULL. */
const struct conf_provider *
conf_provider_named(const char *name)
{
	if (name == NULL)
		return NULL;
	if (strcmp(name, conf_bbb.name) == 0)
		return &conf_bbb;
	if (strcmp(name, conf_jitsi.name) == 0)
		return &conf_jitsi;
	return NULL;
}
