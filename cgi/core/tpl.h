/*
 * tpl.h: a small C interface to ctemplate.  Dictionaries form a tree;
 * freeing the root frees every child.  All templates autoescape: one
 * without the pragma is refused (its expansion fails).
 */
#ifndef LECTERN_TPL_H
#define LECTERN_TPL_H

#ifdef __cplusplus
extern "C" {
#endif

struct buf;
struct tpl_dict;

/*
 * Use the templates of dir.  Nothing is read yet: each template is
 * loaded, checked for the pragma and parsed the first time a request
 * expands or includes it, then kept for the process's life.  Returns 1,
 * or 0 with a message in err when dir cannot be read.
 */
int		 tpl_init(const char *dir, char *err, unsigned long errlen);
/*
 * Use dir and load and check every *.tpl file in it now: each must
 * begin with the HTML autoescape pragma and parse (lectern.fcgi
 * --check-templates, lecternctl check-config).  Returns 1, or 0 with
 * the first problem in err.
 */
int		 tpl_start(const char *dir, char *err, unsigned long errlen);

struct tpl_dict	*tpl_dict_new(void);
void		 tpl_dict_free(void *);
/* Set a variable (value copied). */
void		 tpl_set(struct tpl_dict *, const char *name, const char *value);
void		 tpl_set_int(struct tpl_dict *, const char *name, long long);
/* Show a section once (no new variables). */
void		 tpl_show(struct tpl_dict *, const char *section);
/* Add one repetition of a section and return its dictionary. */
struct tpl_dict	*tpl_section(struct tpl_dict *, const char *section);
/* Fill the {{>name}} include with file and return its dictionary. */
struct tpl_dict	*tpl_include(struct tpl_dict *, const char *name,
		    const char *file);
/* Expand file with dict, appending to out.  Returns 1 or 0 on failure. */
int		 tpl_expand(const char *file, struct tpl_dict *, struct buf *);

#ifdef __cplusplus
}
#endif

#endif
