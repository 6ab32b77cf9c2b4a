/*
 * image.c: square JPEG pictures made from uploaded PNG or JPEG files,
 * through libpng (its simplified API) and libjpeg-turbo.  Both
 * libraries read the header first, so the declared width and height
 * are checked before a single pixel is decoded: a small file that
 * claims 20000 x 20000 pixels is refused without allocating for it.
 * A JPEG is decoded already scaled down by libjpeg (1/2, 1/4 or 1/8)
 * when it is much larger than the square it becomes.  Warnings of the
 * decoders (a truncated file, a bad checksum) count as damage.  A
 * camera's JPEG says in its Exif data which way up it was taken; the
 * square is turned accordingly, as the Exif data is not kept.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "lib/image.h"
#include "lib/util.h"

/* Progressive JPEG scans read at most: more is a way to burn CPU. */
#define JPEG_MAX_SCANS	100

/* An RGB picture, three bytes a pixel, in malloc'd memory. */
struct rgb {
	unsigned char	*px;
	unsigned	 w, h;
	int		 orientation;	/* Exif 1..8, 1: as stored */
};

/* libjpeg's error manager with the way back to the caller. */
struct jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jb;
};

enum image_kind
image_kind(const void *data, size_t len)
{
	static const unsigned char png_sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};
	const unsigned char *p = data;

	if (len >= sizeof(png_sig) && memcmp(p, png_sig, sizeof(png_sig)) == 0)
		return IMAGE_PNG;
	if (len >= 4 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return IMAGE_JPEG;
	return IMAGE_UNKNOWN;
}

/* libjpeg: any error ends the decode or encode. */
static void
jerr_exit(j_common_ptr c)
{
	struct jerr	*e = (struct jerr *)c->err;

	longjmp(e->jb, 1);
}

/* libjpeg: a warning (premature end of data, ...) is damage too. */
static void
jerr_message(j_common_ptr c, int level)
{
	if (level < 0)
		jerr_exit(c);
}

/* libjpeg: stop a progressive file with too many scans. */
static void
jpeg_progress(j_common_ptr c)
{
	j_decompress_ptr d = (j_decompress_ptr)c;

	if (c->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS)
		jerr_exit(c);
}

/* Point libjpeg's error manager at ours. */
static void
jerr_init(struct jerr *e)
{
	jpeg_std_error(&e->mgr);
	e->mgr.error_exit = jerr_exit;
	e->mgr.emit_message = jerr_message;
}

/* 1 when w x h is inside the limits.  Pure. */
static int
size_ok(unsigned w, unsigned h, const struct image_limits *lim)
{
	return w > 0 && h > 0 && w <= lim->max_side && h <= lim->max_side &&
	    (unsigned long long)w * h <= lim->max_pixels;
}

/* Header of a PNG: its size without decoding.  Returns an image_rc. */
static enum image_rc
png_size(const void *data, size_t len, unsigned *w, unsigned *h)
{
	png_image	 img;

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, data, len))
		return IMAGE_DAMAGED;
	*w = img.width;
	*h = img.height;
	png_image_free(&img);
	return IMAGE_OK;
}

/*
 * Decode a PNG into out as RGB over white, after checking its declared
 * size.  Returns an image_rc; out->px is malloc'd on IMAGE_OK.
 */
static enum image_rc
png_decode(const void *data, size_t len, const struct image_limits *lim,
    struct rgb *out, unsigned *dw, unsigned *dh)
{
	png_image	 img;
	png_color	 white = { 255, 255, 255 };

	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, data, len))
		return IMAGE_DAMAGED;
	*dw = img.width;
	*dh = img.height;
	if (!size_ok(img.width, img.height, lim)) {
		png_image_free(&img);
		return IMAGE_TOO_MANY_PIXELS;
	}
	img.format = PNG_FORMAT_RGB;
	if ((out->px = malloc(PNG_IMAGE_SIZE(img))) == NULL) {
		png_image_free(&img);
		return IMAGE_FAILED;
	}
	if (!png_image_finish_read(&img, &white, out->px, 0, NULL) ||
	    (img.warning_or_error & PNG_IMAGE_ERROR) != 0) {
		png_image_free(&img);
		free(out->px);
		out->px = NULL;
		return IMAGE_DAMAGED;
	}
	out->w = img.width;
	out->h = img.height;
	png_image_free(&img);
	return IMAGE_OK;
}

/* A 16- or 32-bit number of Exif data in its byte order.  Pure. */
static unsigned long
exif_num(const unsigned char *p, int bytes, int big)
{
	unsigned long	 v = 0;
	int		 i;

	for (i = 0; i < bytes; i++)
		v |= (unsigned long)p[big ? i : bytes - 1 - i] <<
		    (8 * (bytes - 1 - i));
	return v;
}

int
image_exif_orientation(const void *app1, size_t len)
{
	const unsigned char *p = app1, *t, *e;
	unsigned long	 ifd, n, i, tag, type, v;
	size_t		 tlen;
	int		 big;

	if (len < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0)
		return 1;
	t = p + 6;
	tlen = len - 6;
	if (memcmp(t, "II*\0", 4) == 0)
		big = 0;
	else if (memcmp(t, "MM\0*", 4) == 0)
		big = 1;
	else
		return 1;
	ifd = exif_num(t + 4, 4, big);
	if (ifd < 8 || ifd > tlen - 2)
		return 1;
	n = exif_num(t + ifd, 2, big);
	for (i = 0; i < n; i++) {
		if (ifd + 2 + (i + 1) * 12 > tlen)
			return 1;
		e = t + ifd + 2 + i * 12;
		tag = exif_num(e, 2, big);
		type = exif_num(e + 2, 2, big);
		if (tag != 0x0112)
			continue;
		/* A SHORT, count 1, its value first in the value field. */
		if (type != 3 || exif_num(e + 4, 4, big) != 1)
			return 1;
		v = exif_num(e + 8, 2, big);
		return v >= 1 && v <= 8 ? (int)v : 1;
	}
	return 1;
}

/* The orientation of a decompressor's saved APP1 markers. */
static int
jpeg_orientation(j_decompress_ptr d)
{
	jpeg_saved_marker_ptr	 m;

	for (m = d->marker_list; m != NULL; m = m->next)
		if (m->marker == JPEG_APP0 + 1 &&
		    m->data_length >= 6 && memcmp(m->data, "Exif\0\0", 6) == 0)
			return image_exif_orientation(m->data, m->data_length);
	return 1;
}

/* The header of a JPEG: its size without decoding. */
static enum image_rc
jpeg_size(const void *data, size_t len, unsigned *w, unsigned *h)
{
	struct jpeg_decompress_struct	 d;
	struct jerr			 e;

	memset(&d, 0, sizeof(d));
	jerr_init(&e);
	d.err = &e.mgr;
	if (setjmp(e.jb)) {
		jpeg_destroy_decompress(&d);
		return IMAGE_DAMAGED;
	}
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, data, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	*w = d.image_width;
	*h = d.image_height;
	jpeg_destroy_decompress(&d);
	return IMAGE_OK;
}

/*
 * Decode a JPEG into out as RGB, scaled down by libjpeg as far as the
 * square of lim->side allows, after checking its declared size.
 * Returns an image_rc; out->px is malloc'd on IMAGE_OK.
 */
static enum image_rc
jpeg_decode(const void *data, size_t len, const struct image_limits *lim,
    struct rgb *out, unsigned *dw, unsigned *dh)
{
	struct jpeg_decompress_struct	 d;
	struct jpeg_progress_mgr	 prog;
	struct jerr			 e;
	JSAMPROW			 row;
	unsigned			 shorter, denom;

	memset(&d, 0, sizeof(d));
	memset(&prog, 0, sizeof(prog));
	out->px = NULL;
	jerr_init(&e);
	d.err = &e.mgr;
	if (setjmp(e.jb)) {
		jpeg_destroy_decompress(&d);
		free(out->px);
		out->px = NULL;
		return IMAGE_DAMAGED;
	}
	jpeg_create_decompress(&d);
	prog.progress_monitor = jpeg_progress;
	d.progress = &prog;
	jpeg_mem_src(&d, data, (unsigned long)len);
	jpeg_save_markers(&d, JPEG_APP0 + 1, 0xffff);
	jpeg_read_header(&d, TRUE);
	out->orientation = jpeg_orientation(&d);
	*dw = d.image_width;
	*dh = d.image_height;
	if (!size_ok(d.image_width, d.image_height, lim)) {
		jpeg_destroy_decompress(&d);
		return IMAGE_TOO_MANY_PIXELS;
	}
	shorter = d.image_width < d.image_height ? d.image_width :
	    d.image_height;
	for (denom = 8; denom > 1; denom /= 2)
		if (shorter / denom >= lim->side)
			break;
	d.scale_num = 1;
	d.scale_denom = denom;
	d.out_color_space = JCS_RGB;
	jpeg_start_decompress(&d);
	if (d.output_components != 3)
		longjmp(e.jb, 1);
	out->w = d.output_width;
	out->h = d.output_height;
	if ((out->px = malloc((size_t)out->w * out->h * 3)) == NULL) {
		jpeg_destroy_decompress(&d);
		return IMAGE_FAILED;
	}
	while (d.output_scanline < d.output_height) {
		row = out->px + (size_t)d.output_scanline * out->w * 3;
		jpeg_read_scanlines(&d, &row, 1);
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	return IMAGE_OK;
}

/*
 * The centre square of in, scaled to side x side by averaging the
 * pixels each output pixel covers (or repeating them when in is
 * smaller).  Returns a malloc'd RGB buffer, or NULL.
 */
static unsigned char *
square(const struct rgb *in, unsigned side)
{
	unsigned char	*out, *o;
	unsigned	 s, x0, y0, ox, oy, x, y, xa, xb, ya, yb;
	uint64_t	 sum[3], n;
	const unsigned char *p;

	s = in->w < in->h ? in->w : in->h;
	x0 = (in->w - s) / 2;
	y0 = (in->h - s) / 2;
	if ((out = malloc((size_t)side * side * 3)) == NULL)
		return NULL;
	o = out;
	for (oy = 0; oy < side; oy++) {
		ya = (unsigned)((uint64_t)oy * s / side);
		yb = (unsigned)((uint64_t)(oy + 1) * s / side);
		if (yb <= ya)
			yb = ya + 1;
		for (ox = 0; ox < side; ox++) {
			xa = (unsigned)((uint64_t)ox * s / side);
			xb = (unsigned)((uint64_t)(ox + 1) * s / side);
			if (xb <= xa)
				xb = xa + 1;
			sum[0] = sum[1] = sum[2] = 0;
			for (y = ya; y < yb; y++) {
				p = in->px + ((size_t)(y0 + y) * in->w +
				    x0 + xa) * 3;
				for (x = xa; x < xb; x++, p += 3) {
					sum[0] += p[0];
					sum[1] += p[1];
					sum[2] += p[2];
				}
			}
			n = (uint64_t)(yb - ya) * (xb - xa);
			*o++ = (unsigned char)((sum[0] + n / 2) / n);
			*o++ = (unsigned char)((sum[1] + n / 2) / n);
			*o++ = (unsigned char)((sum[2] + n / 2) / n);
		}
	}
	return out;
}

/*
 * Turn or mirror a side x side square in place as Exif orientation o
 * asks, so that it shows upright.  Returns 1, or 0 out of memory.
 */
static int
orient(unsigned char *px, unsigned side, int o)
{
	unsigned char	*tmp;
	unsigned	 x, y, sx, sy, m = side - 1;

	if (o <= 1 || o > 8)
		return 1;
	if ((tmp = malloc((size_t)side * side * 3)) == NULL)
		return 0;
	memcpy(tmp, px, (size_t)side * side * 3);
	for (y = 0; y < side; y++)
		for (x = 0; x < side; x++) {
			switch (o) {
			case 2: sx = m - x; sy = y; break;
			case 3: sx = m - x; sy = m - y; break;
			case 4: sx = x; sy = m - y; break;
			case 5: sx = y; sy = x; break;
			case 6: sx = y; sy = m - x; break;
			case 7: sx = m - y; sy = m - x; break;
			default: sx = m - y; sy = x; break;	/* 8 */
			}
			memcpy(px + ((size_t)y * side + x) * 3,
			    tmp + ((size_t)sy * side + sx) * 3, 3);
		}
	free(tmp);
	return 1;
}

/*
 * Encode side x side RGB pixels as a baseline JPEG into the arena.
 * Returns 1, or 0 when libjpeg failed.
 */
static int
jpeg_encode(struct arena *a, const unsigned char *px, unsigned side,
    int quality, char **out, size_t *outlen)
{
	struct jpeg_compress_struct	 c;
	struct jerr			 e;
	unsigned char			*mem = NULL;
	unsigned long			 memlen = 0;
	JSAMPROW			 row;

	memset(&c, 0, sizeof(c));
	jerr_init(&e);
	c.err = &e.mgr;
	if (setjmp(e.jb)) {
		jpeg_destroy_compress(&c);
		free(mem);
		return 0;
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &memlen);
	c.image_width = side;
	c.image_height = side;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, quality, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		row = (JSAMPROW)(px + (size_t)c.next_scanline * side * 3);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	*out = arena_alloc(a, memlen + 1);
	memcpy(*out, mem, memlen);
	*outlen = memlen;
	free(mem);
	return 1;
}

enum image_rc
image_size(const void *data, size_t len, unsigned *w, unsigned *h)
{
	*w = *h = 0;
	switch (image_kind(data, len)) {
	case IMAGE_PNG:
		return png_size(data, len, w, h);
	case IMAGE_JPEG:
		return jpeg_size(data, len, w, h);
	default:
		return IMAGE_NOT_IMAGE;
	}
}

enum image_rc
image_square(struct arena *a, const void *data, size_t len,
    const struct image_limits *lim, char **out, size_t *outlen,
    unsigned *w, unsigned *h)
{
	struct rgb	 in;
	unsigned char	*sq;
	unsigned	 dw = 0, dh = 0;
	enum image_rc	 rc;
	int		 ok;

	*out = NULL;
	*outlen = 0;
	memset(&in, 0, sizeof(in));
	switch (image_kind(data, len)) {
	case IMAGE_PNG:
		rc = png_decode(data, len, lim, &in, &dw, &dh);
		break;
	case IMAGE_JPEG:
		rc = jpeg_decode(data, len, lim, &in, &dw, &dh);
		break;
	default:
		rc = IMAGE_NOT_IMAGE;
		break;
	}
	if (w != NULL)
		*w = dw;
	if (h != NULL)
		*h = dh;
	if (rc != IMAGE_OK)
		return rc;
	sq = square(&in, lim->side);
	free(in.px);
	if (sq == NULL)
		return IMAGE_FAILED;
	if (!orient(sq, lim->side, in.orientation)) {
		free(sq);
		return IMAGE_FAILED;
	}
	ok = jpeg_encode(a, sq, lim->side, lim->quality, out, outlen);
	free(sq);
	return ok ? IMAGE_OK : IMAGE_FAILED;
}

enum image_rc
image_jpeg_rgb(struct arena *a, const unsigned char *px, unsigned side,
    int quality, char **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	return jpeg_encode(a, px, side, quality, out, outlen) ? IMAGE_OK :
	    IMAGE_FAILED;
}
