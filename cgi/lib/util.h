/*
 * util.h: allocation wrappers, the per-request arena and the growable
 * string buffer.  Every allocation function here aborts on out-of-memory,
 * so callers never check for NULL.
 */
#ifndef LECTERN_UTIL_H
#define LECTERN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);

/*
 * An arena hands out memory that lives until arena_free().  One arena
 * belongs to each request; cleanup hooks (for example unlinking upload
 * temp files) run when it is freed, newest first.
 */
struct arena;

struct arena	*arena_new(void);
void		*arena_alloc(struct arena *, size_t);	/* zeroed */
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 arena_on_free(struct arena *, void (*)(void *), void *);
void		 arena_free(struct arena *);

/* A growable byte string, always NUL-terminated after buf_* calls. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	buf_init(struct buf *);
void	buf_append(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	buf_reset(struct buf *);
void	buf_free(struct buf *);

/* The value of hex digit c (either case), or -1.  Pure. */
int	hex_value(int c);
/* 1 when s is NULL or "".  Pure. */
int	empty(const char *);
/* 1 when s is NULL or holds nothing but spaces, tabs, CR and LF.  Pure. */
int	blank(const char *);

/* Monotonic milliseconds, for request timing. */
double	now_ms(void);

#endif
