/*
 * timezones.c: the list of IANA timezones offered in forms, read once
 * per process from the system's tzdata (zone1970.tab) and sorted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tpl.h"
#include "people/people.h"
#include "lib/util.h"
#include "lib/valid.h"

static char	**zones;
static size_t	  nzones;

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read zone1970.tab once; falls back to UTC alone when it is missing. */
static void
load(void)
{
	FILE	*f;
	char	 line[1024], *p, *name;
	size_t	 cap = 512;

	zones = xcalloc(cap, sizeof(char *));
	zones[nzones++] = xstrdup("UTC");
	if ((f = fopen("/usr/share/zoneinfo/zone1970.tab", "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#')
			continue;
		/* country codes, coordinates, zone name, comment */
		if ((p = strchr(line, '\t')) == NULL ||
		    (p = strchr(p + 1, '\t')) == NULL)
			continue;
		name = p + 1;
		name[strcspn(name, "\t\n")] = '\0';
		if (!valid_timezone(name))
			continue;
		if (nzones == cap) {
			cap *= 2;
			zones = xrealloc(zones, cap * sizeof(char *));
		}
		zones[nzones++] = xstrdup(name);
	}
	fclose(f);
	qsort(zones + 1, nzones - 1, sizeof(char *), cmp);
}

void
tz_options(struct tpl_dict *d, const char *section, const char *selected)
{
	struct tpl_dict	*s;
	size_t		 i;

	if (zones == NULL)
		load();
	for (i = 0; i < nzones; i++) {
		s = tpl_section(d, section);
		tpl_set(s, "ZONE", zones[i]);
		if (selected != NULL && strcmp(selected, zones[i]) == 0)
			tpl_show(s, "SELECTED");
	}
}
