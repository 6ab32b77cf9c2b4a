/*
 * lazylibs.c: libcurl, libxml2, libical, libpng and libjpeg, opened
 * when first called.
 *
 * Linked into lectern.fcgi only, in place of -lcurl -lxml2 -lical
 * -lpng -ljpeg.
 * Those three libraries and theirs (TLS, Kerberos, LDAP, ICU, ...) are
 * about thirty shared objects: loading and relocating them took more
 * than half of the instructions of a plain-CGI request, which starts a
 * process each time, and only the few requests that call the
 * conferencing server, send mail or write a calendar use them; the
 * two picture libraries only when a picture is uploaded.  Each
 * function here has the library's own prototype (its header is
 * included, so the compiler checks it); the first call dlopen()s the
 * library by the soname configure found and looks the function up.
 *
 * A function used anywhere in cgi/ must be listed here, or linking
 * lectern.fcgi fails with an undefined reference naming it.  With
 * ./configure --disable-lazy-libs the program is linked with the
 * libraries directly and this file is not built.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <libical/ical.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <jpeglib.h>
#include <png.h>

struct lazylib {
	const char	*soname;
	void		*handle;
};

static struct lazylib	curl = { LECTERN_CURL_SONAME, NULL };
static struct lazylib	xml2 = { LECTERN_XML2_SONAME, NULL };
static struct lazylib	ical = { LECTERN_ICAL_SONAME, NULL };
static struct lazylib	png = { LECTERN_PNG_SONAME, NULL };
static struct lazylib	jpeg = { LECTERN_JPEG_SONAME, NULL };

/*
 * The address of function name in lib, opening lib the first time.  A
 * library that was there when the program was built and is gone now
 * cannot be worked around: say so and stop.
 */
static void *
lazy_sym(struct lazylib *lib, const char *name)
{
	void	*p;

	if (lib->handle == NULL &&
	    (lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		fprintf(stderr, "lectern: cannot load %s: %s\n", lib->soname,
		    dlerror());
		abort();
	}
	if ((p = dlsym(lib->handle, name)) == NULL) {
		fprintf(stderr, "lectern: %s has no %s: %s\n", lib->soname,
		    name, dlerror());
		abort();
	}
	return p;
}

/*
 * Define function name of lib, returning type ret, with the parameter
 * list params (in parentheses) and the call's arguments args: the
 * looked-up address is kept in a static pointer of the function's type.
 */
#define LAZY(lib, ret, name, params, args)				\
ret									\
name params								\
{									\
	static ret (*fn) params;					\
									\
	if (fn == NULL)							\
		*(void **)&fn = lazy_sym(&lib, #name);			\
	return fn args;							\
}

/* The same for a function that returns nothing. */
#define LAZYV(lib, name, params, args)					\
void									\
name params								\
{									\
	static void (*fn) params;					\
									\
	if (fn == NULL)							\
		*(void **)&fn = lazy_sym(&lib, #name);			\
	fn args;							\
}

/* libcurl: the conferencing server's API and SMTP. */
LAZY(curl, CURLcode, curl_global_init, (long flags), (flags))
LAZY(curl, CURL *, curl_easy_init, (void), ())
LAZY(curl, CURLcode, curl_easy_perform, (CURL *c), (c))
LAZYV(curl, curl_easy_cleanup, (CURL *c), (c))
LAZY(curl, const char *, curl_easy_strerror, (CURLcode rc), (rc))
LAZY(curl, struct curl_slist *, curl_slist_append,
    (struct curl_slist *list, const char *data), (list, data))
LAZYV(curl, curl_slist_free_all, (struct curl_slist *list), (list))

/*
 * curl_easy_setopt's one argument after the option has the type its
 * number's range gives (as libcurl itself reads it): long, object
 * pointer, function pointer, curl_off_t, or a blob's pointer.
 */
CURLcode
curl_easy_setopt(CURL *c, CURLoption opt, ...)
{
	static CURLcode	(*fn)(CURL *, CURLoption, ...);
	va_list		 ap;
	CURLcode	 rc;

	if (fn == NULL)
		*(void **)&fn = lazy_sym(&curl, "curl_easy_setopt");
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = fn(c, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = fn(c, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = fn(c, opt, va_arg(ap, void (*)(void)));
	else if (opt < CURLOPTTYPE_BLOB)
		rc = fn(c, opt, va_arg(ap, curl_off_t));
	else
		rc = fn(c, opt, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* curl_easy_getinfo's one argument is always a pointer. */
CURLcode
curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
	static CURLcode	(*fn)(CURL *, CURLINFO, ...);
	va_list		 ap;
	CURLcode	 rc;

	if (fn == NULL)
		*(void **)&fn = lazy_sym(&curl, "curl_easy_getinfo");
	va_start(ap, info);
	rc = fn(c, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* libxml2: the conferencing server's answers. */
LAZYV(xml2, xmlInitParser, (void), ())
LAZY(xml2, xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())
LAZYV(xml2, xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt))
LAZYV(xml2, xmlStopParser, (xmlParserCtxtPtr ctxt), (ctxt))
LAZY(xml2, xmlDocPtr, xmlCtxtReadMemory,
    (xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *url,
    const char *encoding, int options),
    (ctxt, buffer, size, url, encoding, options))
LAZYV(xml2, xmlFreeDoc, (xmlDocPtr doc), (doc))
LAZY(xml2, xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
LAZYV(xml2, xmlSetGenericErrorFunc,
    (void *ctx, xmlGenericErrorFunc handler), (ctx, handler))
LAZYV(xml2, xmlSetStructuredErrorFunc,
    (void *ctx, xmlStructuredErrorFunc handler), (ctx, handler))

/* libical: calendar feeds and the invitations attached to mail. */
LAZY(ical, icalcomponent *, icalcomponent_new_vcalendar, (void), ())
LAZY(ical, icalcomponent *, icalcomponent_new_vevent, (void), ())
LAZY(ical, icalcomponent *, icalcomponent_new_clone, (icalcomponent *c), (c))
LAZYV(ical, icalcomponent_free, (icalcomponent *c), (c))
LAZYV(ical, icalcomponent_add_component,
    (icalcomponent *parent, icalcomponent *child), (parent, child))
LAZYV(ical, icalcomponent_add_property,
    (icalcomponent *c, icalproperty *p), (c, p))
LAZY(ical, icalproperty *, icalcomponent_get_first_property,
    (icalcomponent *c, icalproperty_kind kind), (c, kind))
LAZY(ical, char *, icalcomponent_as_ical_string_r, (icalcomponent *c), (c))
LAZY(ical, icalparameter *, icalparameter_new_tzid, (const char *v), (v))
LAZYV(ical, icalproperty_add_parameter,
    (icalproperty *p, icalparameter *param), (p, param))
LAZYV(ical, icalproperty_set_tzid, (icalproperty *p, const char *v), (p, v))
LAZYV(ical, icalproperty_set_x_name,
    (icalproperty *p, const char *name), (p, name))
LAZY(ical, icalproperty *, icalproperty_new_calscale, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_description, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_prodid, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_summary, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_uid, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_url, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_version, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_x, (const char *v), (v))
LAZY(ical, icalproperty *, icalproperty_new_sequence, (int v), (v))
LAZY(ical, icalproperty *, icalproperty_new_created,
    (struct icaltimetype v), (v))
LAZY(ical, icalproperty *, icalproperty_new_dtend, (struct icaltimetype v), (v))
LAZY(ical, icalproperty *, icalproperty_new_dtstamp,
    (struct icaltimetype v), (v))
LAZY(ical, icalproperty *, icalproperty_new_dtstart,
    (struct icaltimetype v), (v))
LAZY(ical, icalproperty *, icalproperty_new_lastmodified,
    (struct icaltimetype v), (v))
LAZY(ical, icalproperty *, icalproperty_new_method,
    (enum icalproperty_method v), (v))
LAZY(ical, icalproperty *, icalproperty_new_status,
    (enum icalproperty_status v), (v))
LAZY(ical, icalproperty *, icalproperty_new_transp,
    (enum icalproperty_transp v), (v))
LAZY(ical, struct icaltimetype, icaltime_null_time, (void), ())
LAZY(ical, struct icaltimetype, icaltime_from_timet_with_zone,
    (const time_t t, const int is_date, const icaltimezone *zone),
    (t, is_date, zone))
LAZY(ical, icaltimezone *, icaltimezone_get_builtin_timezone,
    (const char *location), (location))
LAZY(ical, icaltimezone *, icaltimezone_get_utc_timezone, (void), ())
LAZY(ical, icalcomponent *, icaltimezone_get_component,
    (icaltimezone *zone), (zone))

/* libpng and libjpeg: users' pictures (lib/image.c). */
LAZY(png, int, png_image_begin_read_from_memory,
    (png_imagep image, png_const_voidp memory, size_t size),
    (image, memory, size))
LAZY(png, int, png_image_finish_read,
    (png_imagep image, png_const_colorp background, void *buffer,
    png_int_32 row_stride, void *colormap),
    (image, background, buffer, row_stride, colormap))
LAZYV(png, png_image_free, (png_imagep image), (image))
LAZY(jpeg, struct jpeg_error_mgr *, jpeg_std_error,
    (struct jpeg_error_mgr *err), (err))
LAZYV(jpeg, jpeg_CreateDecompress,
    (j_decompress_ptr d, int version, size_t structsize),
    (d, version, structsize))
LAZYV(jpeg, jpeg_CreateCompress,
    (j_compress_ptr c, int version, size_t structsize),
    (c, version, structsize))
LAZYV(jpeg, jpeg_destroy_decompress, (j_decompress_ptr d), (d))
LAZYV(jpeg, jpeg_destroy_compress, (j_compress_ptr c), (c))
LAZYV(jpeg, jpeg_mem_src,
    (j_decompress_ptr d, const unsigned char *in, unsigned long len),
    (d, in, len))
LAZYV(jpeg, jpeg_mem_dest,
    (j_compress_ptr c, unsigned char **out, unsigned long *len),
    (c, out, len))
LAZYV(jpeg, jpeg_save_markers,
    (j_decompress_ptr d, int marker, unsigned int limit), (d, marker, limit))
LAZY(jpeg, int, jpeg_read_header, (j_decompress_ptr d, boolean require),
    (d, require))
LAZY(jpeg, boolean, jpeg_start_decompress, (j_decompress_ptr d), (d))
LAZY(jpeg, JDIMENSION, jpeg_read_scanlines,
    (j_decompress_ptr d, JSAMPARRAY rows, JDIMENSION n), (d, rows, n))
LAZY(jpeg, boolean, jpeg_finish_decompress, (j_decompress_ptr d), (d))
LAZYV(jpeg, jpeg_set_defaults, (j_compress_ptr c), (c))
LAZYV(jpeg, jpeg_set_quality, (j_compress_ptr c, int quality, boolean base),
    (c, quality, base))
LAZYV(jpeg, jpeg_start_compress, (j_compress_ptr c, boolean all),
    (c, all))
LAZY(jpeg, JDIMENSION, jpeg_write_scanlines,
    (j_compress_ptr c, JSAMPARRAY rows, JDIMENSION n), (c, rows, n))
LAZYV(jpeg, jpeg_finish_compress, (j_compress_ptr c), (c))
