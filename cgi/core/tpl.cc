// tpl.cc: the C interface over ctemplate.  This is the only C++ in Lectern.
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <map>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_dictionary.h>

extern "C" {
#include "lib/util.h"
#include "core/tpl.h"
}

using ctemplate::Template;
using ctemplate::TemplateDictionary;

static const char PRAGMA[] = "{{%AUTOESCAPE context=\"HTML\"}}";

// The template directory, and what this process found of each file's
// pragma (a template is checked the first time a request uses it).
static std::string			 root;
static std::map<std::string, bool>	 checked;

// Cast helpers: a tpl_dict is a TemplateDictionary.
static TemplateDictionary *
D(struct tpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct tpl_dict *
C(TemplateDictionary *d)
{
	return reinterpret_cast<struct tpl_dict *>(d);
}

// Check one template file's first bytes for the autoescape pragma.
static int
has_pragma(const std::string &path)
{
	char	 head[sizeof(PRAGMA)];
	FILE	*f = fopen(path.c_str(), "r");
	size_t	 n;

	if (f == NULL)
		return 0;
	n = fread(head, 1, sizeof(PRAGMA) - 1, f);
	fclose(f);
	return n == sizeof(PRAGMA) - 1 &&
	    memcmp(head, PRAGMA, sizeof(PRAGMA) - 1) == 0;
}

// 1 when the template file starts with the pragma; checked once a process.
static int
pragma_ok(const char *file)
{
	std::map<std::string, bool>::iterator it = checked.find(file);
	bool	 ok;

	if (it != checked.end())
		return it->second;
	ok = has_pragma(root + "/" + file);
	checked[file] = ok;
	if (!ok)
		fprintf(stderr, "lectern: template %s does not start with the "
		    "HTML autoescape pragma (or cannot be read)\n", file);
	return ok;
}

extern "C" int
tpl_init(const char *dir, char *err, unsigned long errlen)
{
	if (access(dir, R_OK | X_OK) != 0) {
		snprintf(err, errlen, "cannot open template directory %s", dir);
		return 0;
	}
	root = dir;
	ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(dir);
	return 1;
}

extern "C" int
tpl_start(const char *dir, char *err, unsigned long errlen)
{
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	if (!tpl_init(dir, err, errlen))
		return 0;
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "cannot open template directory %s", dir);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 4, ".tpl") != 0)
			continue;
		std::string path = std::string(dir) + "/" + e->d_name;
		if (!has_pragma(path)) {
			snprintf(err, errlen, "%s: does not start with the "
			    "HTML autoescape pragma", e->d_name);
			closedir(d);
			return 0;
		}
		if (Template::GetTemplate(e->d_name,
		    ctemplate::STRIP_BLANK_LINES) == NULL) {
			snprintf(err, errlen, "%s: does not parse", e->d_name);
			closedir(d);
			return 0;
		}
		n++;
	}
	closedir(d);
	if (n == 0) {
		snprintf(err, errlen, "no templates in %s", dir);
		return 0;
	}
	return 1;
}

extern "C" struct tpl_dict *
tpl_dict_new(void)
{
	return C(new TemplateDictionary("page"));
}

extern "C" void
tpl_dict_free(void *d)
{
	delete reinterpret_cast<TemplateDictionary *>(d);
}

extern "C" void
tpl_set(struct tpl_dict *d, const char *name, const char *value)
{
	D(d)->SetValue(name, value ? value : "");
}

extern "C" void
tpl_set_int(struct tpl_dict *d, const char *name, long long v)
{
	D(d)->SetFormattedValue(name, "%lld", v);
}

extern "C" void
tpl_show(struct tpl_dict *d, const char *section)
{
	D(d)->ShowSection(section);
}

extern "C" struct tpl_dict *
tpl_section(struct tpl_dict *d, const char *section)
{
	return C(D(d)->AddSectionDictionary(section));
}

extern "C" struct tpl_dict *
tpl_include(struct tpl_dict *d, const char *name, const char *file)
{
	TemplateDictionary *sub = D(d)->AddIncludeDictionary(name);

	// A file without the pragma would expand unescaped: name one that
	// does not exist instead, so that the expansion fails.
	if (pragma_ok(file))
		sub->SetFilename(file);
	else
		sub->SetFilename(std::string("(refused) ") + file);
	return C(sub);
}

extern "C" int
tpl_expand(const char *file, struct tpl_dict *d, struct buf *out)
{
	std::string	 s;

	if (!pragma_ok(file))
		return 0;
	if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES,
	    D(d), &s))
		return 0;
	buf_append(out, s.data(), s.size());
	return 1;
}
