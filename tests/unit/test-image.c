/*
 * test-image.c: pictures made from uploads (lib/image.h): PNG and JPEG
 * recognised by content, a declared size too large refused before
 * decoding, damaged files refused, the square made from the centre
 * of the picture, and a camera's Exif orientation applied.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jpeglib.h>
#include <png.h>

#include "lib/image.h"
#include "lib/util.h"

static const struct image_limits lim = { 6000, 24000000UL, 128, 85 };

/* A w x h RGB PNG: left third red, middle third green, right blue. */
static unsigned char *
make_png(unsigned w, unsigned h, size_t *len)
{
	png_image	 img;
	unsigned char	*px, *out;
	png_alloc_size_t n = 0;
	unsigned	 x, y;

	px = xmalloc((size_t)w * h * 3);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			unsigned char *p = px + ((size_t)y * w + x) * 3;

			p[0] = x < w / 3 ? 255 : 0;
			p[1] = x >= w / 3 && x < 2 * w / 3 ? 255 : 0;
			p[2] = x >= 2 * w / 3 ? 255 : 0;
		}
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = w;
	img.height = h;
	img.format = PNG_FORMAT_RGB;
	assert_true(png_image_write_to_memory(&img, NULL, &n, 0, px, 0,
	    NULL));
	out = xmalloc(n);
	assert_true(png_image_write_to_memory(&img, out, &n, 0, px, 0,
	    NULL));
	free(px);
	*len = n;
	return out;
}

/* The RGB pixel at (x, y) of a JPEG. */
static void
jpeg_pixel(const char *data, size_t len, unsigned x, unsigned y,
    unsigned char rgb[3])
{
	struct jpeg_decompress_struct	 d;
	struct jpeg_error_mgr		 e;
	unsigned char			*row;

	d.err = jpeg_std_error(&e);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, (const unsigned char *)data, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = JCS_RGB;
	jpeg_start_decompress(&d);
	row = xmalloc(d.output_width * 3);
	while (d.output_scanline <= y)
		jpeg_read_scanlines(&d, &row, 1);
	memcpy(rgb, row + x * 3, 3);
	free(row);
	jpeg_abort_decompress(&d);
	jpeg_destroy_decompress(&d);
}

static void
test_kind(void **state)
{
	static const struct {
		const char	*data;
		size_t		 len;
		enum image_kind	 kind;
	} cases[] = {
		{ "\x89PNG\r\n\x1a\n", 8, IMAGE_PNG },
		{ "\xff\xd8\xff\xe0", 4, IMAGE_JPEG },
		{ "<!DOCTYPE html><html>", 21, IMAGE_UNKNOWN },
		{ "GIF89a", 6, IMAGE_UNKNOWN },
		{ "\x89PNG", 4, IMAGE_UNKNOWN },
		{ "", 0, IMAGE_UNKNOWN },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(image_kind(cases[i].data, cases[i].len),
		    cases[i].kind);
}

/* A wide PNG becomes a 128-pixel JPEG square of its (green) centre. */
static void
test_png_square(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*png, rgb[3];
	char		*out;
	size_t		 len, olen;
	unsigned	 w, h;

	(void)state;
	png = make_png(900, 300, &len);
	assert_int_equal(image_square(a, png, len, &lim, &out, &olen, &w,
	    &h), IMAGE_OK);
	assert_int_equal(w, 900);
	assert_int_equal(h, 300);
	assert_int_equal(image_kind(out, olen), IMAGE_JPEG);
	assert_int_equal(image_size(out, olen, &w, &h), IMAGE_OK);
	assert_int_equal(w, 128);
	assert_int_equal(h, 128);
	jpeg_pixel(out, olen, 64, 64, rgb);
	assert_true(rgb[0] < 40 && rgb[1] > 215 && rgb[2] < 40);
	jpeg_pixel(out, olen, 2, 2, rgb);
	assert_true(rgb[1] > 215);
	free(png);
	arena_free(a);
}

/* A JPEG is read (scaled while decoding) and made again. */
static void
test_jpeg_square(void **state)
{
	struct arena		*a = arena_new();
	struct image_limits	 big = lim;
	unsigned char		*png;
	char			*jpg, *out;
	size_t			 len, jlen, olen;
	unsigned		 w, h;

	(void)state;
	png = make_png(30, 30, &len);
	big.side = 1500;
	assert_int_equal(image_square(a, png, len, &big, &jpg, &jlen, NULL,
	    NULL), IMAGE_OK);
	assert_int_equal(image_square(a, jpg, jlen, &lim, &out, &olen, &w,
	    &h), IMAGE_OK);
	assert_int_equal(w, 1500);
	assert_int_equal(image_size(out, olen, &w, &h), IMAGE_OK);
	assert_int_equal(w, 128);
	assert_int_equal(h, 128);
	assert_true(memcmp(out, jpg, olen < jlen ? olen : jlen) != 0);
	free(png);
	arena_free(a);
}

/* The CRC-32 of PNG chunks (ISO 3309), bit by bit. */
static uint32_t
crc32_of(const unsigned char *p, size_t n)
{
	uint32_t	 c = 0xffffffffu;
	int		 k;

	while (n-- > 0) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xffffffffu;
}

/* Append a PNG chunk with its CRC. */
static size_t
chunk(unsigned char *p, const char *type, const unsigned char *data,
    uint32_t n)
{
	uint32_t crc;

	p[0] = n >> 24; p[1] = n >> 16; p[2] = n >> 8; p[3] = n;
	memcpy(p + 4, type, 4);
	memcpy(p + 8, data, n);
	crc = crc32_of(p + 4, 4 + n);
	p[8 + n] = crc >> 24; p[9 + n] = crc >> 16;
	p[10 + n] = crc >> 8; p[11 + n] = crc;
	return 12 + n;
}

/* A 20000 x 20000 PNG header is refused without decoding a pixel. */
static void
test_bomb(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	 f[128], ihdr[13] = {
		0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 2, 0, 0, 0
	};
	size_t		 n = 8, olen;
	char		*out;
	unsigned	 w, h;

	(void)state;
	memcpy(f, "\x89PNG\r\n\x1a\n", 8);
	n += chunk(f + n, "IHDR", ihdr, 13);
	n += chunk(f + n, "IDAT", (const unsigned char *)"\x78\x9c", 2);
	assert_int_equal(image_square(a, f, n, &lim, &out, &olen, &w, &h),
	    IMAGE_TOO_MANY_PIXELS);
	assert_int_equal(w, 20000);
	assert_int_equal(h, 20000);
	assert_null(out);
	arena_free(a);
}

/* Truncated files, and files that only start like pictures. */
static void
test_damaged(void **state)
{
	struct arena	*a = arena_new();
	struct image_limits big = lim;
	unsigned char	*png;
	char		*jpg, *out;
	size_t		 len, jlen, olen;

	(void)state;
	png = make_png(200, 200, &len);
	assert_int_equal(image_square(a, png, len / 2, &lim, &out, &olen,
	    NULL, NULL), IMAGE_DAMAGED);
	big.side = 600;
	assert_int_equal(image_square(a, png, len, &big, &jpg, &jlen, NULL,
	    NULL), IMAGE_OK);
	assert_int_equal(image_square(a, jpg, jlen / 2, &lim, &out, &olen,
	    NULL, NULL), IMAGE_DAMAGED);
	assert_int_equal(image_square(a, "\xff\xd8\xff\xe0garbage", 11, &lim,
	    &out, &olen, NULL, NULL), IMAGE_DAMAGED);
	assert_int_equal(image_square(a, "\x89PNG\r\n\x1a\nxx", 10, &lim,
	    &out, &olen, NULL, NULL), IMAGE_DAMAGED);
	assert_int_equal(image_square(a, "<html><script>", 14, &lim, &out,
	    &olen, NULL, NULL), IMAGE_NOT_IMAGE);
	free(png);
	arena_free(a);
}

/* Fit data in lim's box, check the size made; the JPEG into *out. */
static void
assert_fits(struct arena *a, const void *data, size_t len, unsigned want_w,
    unsigned want_h, char **out, size_t *olen)
{
	unsigned	 w, h;

	assert_int_equal(image_fit(a, data, len, &lim, out, olen, NULL,
	    NULL), IMAGE_OK);
	assert_int_equal(image_size(*out, *olen, &w, &h), IMAGE_OK);
	assert_int_equal(w, want_w);
	assert_int_equal(h, want_h);
}

/*
 * A fitted picture keeps all of it and its proportions: a wide PNG in
 * a 128-pixel box is 128 x 42, red on its left, green in the middle,
 * blue on its right; a small one keeps its size; a JPEG drawn by
 * image_jpeg() is read back scaled while decoding.
 */
static void
test_fit(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*png, *px, rgb[3];
	char		*out, *jpg;
	size_t		 len, olen, jlen;
	unsigned	 w, h, x, y;

	(void)state;
	png = make_png(900, 300, &len);
	assert_int_equal(image_fit(a, png, len, &lim, &out, &olen, &w, &h),
	    IMAGE_OK);
	assert_int_equal(w, 900);
	assert_int_equal(h, 300);
	assert_int_equal(image_size(out, olen, &w, &h), IMAGE_OK);
	assert_int_equal(w, 128);
	assert_int_equal(h, 42);
	jpeg_pixel(out, olen, 10, 21, rgb);
	assert_true(rgb[0] > 215 && rgb[1] < 40 && rgb[2] < 40);
	jpeg_pixel(out, olen, 64, 21, rgb);
	assert_true(rgb[0] < 40 && rgb[1] > 215 && rgb[2] < 40);
	jpeg_pixel(out, olen, 118, 21, rgb);
	assert_true(rgb[0] < 40 && rgb[1] < 40 && rgb[2] > 215);
	free(png);
	png = make_png(30, 20, &len);
	assert_fits(a, png, len, 30, 20, &out, &olen);
	free(png);

	px = xmalloc(1200 * 300 * 3);
	for (y = 0; y < 300; y++)
		for (x = 0; x < 1200; x++) {
			px[(y * 1200 + x) * 3] = y < 150 ? 255 : 0;
			px[(y * 1200 + x) * 3 + 1] = 0;
			px[(y * 1200 + x) * 3 + 2] = y < 150 ? 0 : 255;
		}
	assert_int_equal(image_jpeg(a, px, 1200, 300, 90, &jpg, &jlen),
	    IMAGE_OK);
	free(px);
	assert_int_equal(image_size(jpg, jlen, &w, &h), IMAGE_OK);
	assert_int_equal(w, 1200);
	assert_int_equal(h, 300);
	assert_fits(a, jpg, jlen, 128, 32, &out, &olen);
	jpeg_pixel(out, olen, 64, 4, rgb);
	assert_true(rgb[0] > 200 && rgb[2] < 50);
	jpeg_pixel(out, olen, 64, 28, rgb);
	assert_true(rgb[2] > 200 && rgb[0] < 50);
	assert_int_equal(image_fit(a, "<html>", 6, &lim, &out, &olen, NULL,
	    NULL), IMAGE_NOT_IMAGE);
	arena_free(a);
}

/* Exif APP1 data: "Exif\0\0", a TIFF header, IFD0 with the entries. */
#define II_HEAD	"Exif\0\0II*\0\x08\0\0\0"
#define MM_HEAD	"Exif\0\0MM\0*\0\0\0\x08"

static void
test_exif_orientation(void **state)
{
	static const struct {
		const char	*data;
		size_t		 len;
		int		 want;
	} cases[] = {
		/* One entry: orientation (0x0112), SHORT, count 1, 6. */
		{ II_HEAD "\x01\0" "\x12\x01\x03\0\x01\0\0\0\x06\0\0\0",
		    6 + 8 + 2 + 12, 6 },
		{ MM_HEAD "\0\x01" "\x01\x12\0\x03\0\0\0\x01\0\x08\0\0",
		    6 + 8 + 2 + 12, 8 },
		/* Another tag first, then orientation 3. */
		{ II_HEAD "\x02\0" "\x0f\x01\x02\0\x04\0\0\0\x41\x42\x43\0"
		    "\x12\x01\x03\0\x01\0\0\0\x03\0\0\0",
		    6 + 8 + 2 + 24, 3 },
		/* No orientation entry. */
		{ II_HEAD "\x01\0" "\x0f\x01\x02\0\x04\0\0\0\x41\x42\x43\0",
		    6 + 8 + 2 + 12, 1 },
		/* Out of range, wrong type, wrong count. */
		{ II_HEAD "\x01\0" "\x12\x01\x03\0\x01\0\0\0\x09\0\0\0",
		    6 + 8 + 2 + 12, 1 },
		{ II_HEAD "\x01\0" "\x12\x01\x04\0\x01\0\0\0\x06\0\0\0",
		    6 + 8 + 2 + 12, 1 },
		{ II_HEAD "\x01\0" "\x12\x01\x03\0\x02\0\0\0\x06\0\0\0",
		    6 + 8 + 2 + 12, 1 },
		/* Cut short: the entry count promises more than is there. */
		{ II_HEAD "\x05\0" "\x12\x01\x03\0\x01\0\0\0\x06",
		    6 + 8 + 2 + 9, 1 },
		/* IFD0 beyond the data, before the header, or no TIFF. */
		{ "Exif\0\0II*\0\xff\xff\0\0\0\0", 6 + 8 + 2, 1 },
		{ "Exif\0\0II*\0\x02\0\0\0\0\0", 6 + 8 + 2, 1 },
		{ "Exif\0\0XX*\0\x08\0\0\0\0\0", 6 + 8 + 2, 1 },
		{ "Exif", 4, 1 },
		{ "", 0, 1 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(image_exif_orientation(cases[i].data,
		    cases[i].len), cases[i].want);
}

/*
 * A w x h JPEG, top half red and bottom half blue, with an Exif
 * segment saying orientation o; malloc'd.
 */
static unsigned char *
make_jpeg_wh(unsigned w, unsigned h, int o, size_t *len)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_error_mgr		 e;
	unsigned char			*mem = NULL, *row, *out;
	unsigned long			 n = 0;
	unsigned			 x;
	unsigned char			 exif[] = II_HEAD "\x01\0"
	    "\x12\x01\x03\0\x01\0\0\0\x06\0\0\0";

	exif[6 + 8 + 2 + 8] = (unsigned char)o;
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &n);
	c.image_width = w;
	c.image_height = h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	jpeg_write_marker(&c, JPEG_APP0 + 1, exif, 6 + 8 + 2 + 12);
	row = xmalloc(w * 3);
	while (c.next_scanline < h) {
		for (x = 0; x < w; x++) {
			row[3 * x] = c.next_scanline < h / 2 ? 255 : 0;
			row[3 * x + 1] = 0;
			row[3 * x + 2] = c.next_scanline < h / 2 ? 0 : 255;
		}
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	out = xmalloc(n);
	memcpy(out, mem, n);
	free(mem);
	*len = n;
	return out;
}

/* A side x side JPEG of make_jpeg_wh. */
static unsigned char *
make_jpeg(unsigned side, int o, size_t *len)
{
	return make_jpeg_wh(side, side, o, len);
}

/* A camera's "turn 90 degrees clockwise" shows the top on the right. */
static void
test_exif_applied(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*jpg, left[3], right[3], top[3];
	char		*out;
	size_t		 len, olen;

	(void)state;
	jpg = make_jpeg(256, 6, &len);
	assert_int_equal(image_square(a, jpg, len, &lim, &out, &olen, NULL,
	    NULL), IMAGE_OK);
	jpeg_pixel(out, olen, 20, 64, left);
	jpeg_pixel(out, olen, 108, 64, right);
	assert_true(left[2] > 200 && left[0] < 50);
	assert_true(right[0] > 200 && right[2] < 50);
	free(jpg);
	jpg = make_jpeg(256, 1, &len);
	assert_int_equal(image_square(a, jpg, len, &lim, &out, &olen, NULL,
	    NULL), IMAGE_OK);
	jpeg_pixel(out, olen, 64, 20, top);
	assert_true(top[0] > 200 && top[2] < 50);
	free(jpg);
	/* Fitted, a wide picture turned so stands upright: tall. */
	jpg = make_jpeg_wh(256, 128, 6, &len);
	assert_fits(a, jpg, len, 64, 128, &out, &olen);
	jpeg_pixel(out, olen, 8, 64, left);
	jpeg_pixel(out, olen, 56, 64, right);
	assert_true(left[2] > 200 && left[0] < 50);
	assert_true(right[0] > 200 && right[2] < 50);
	free(jpg);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_png_square),
		cmocka_unit_test(test_jpeg_square),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_bomb),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_exif_orientation),
		cmocka_unit_test(test_exif_applied),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
