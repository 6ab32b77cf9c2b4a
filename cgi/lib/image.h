/*
 * image.h: pictures made from uploaded PNG or JPEG files: small squares
 * (faces) and whole pictures fitted in a box (snapshots).
 * The file is recognised by its content (signature bytes, then a real
 * decode), its size in pixels is checked from its header before any
 * pixel is decoded, and the result is always a new baseline JPEG: no
 * byte of the upload is ever passed on.
 */
#ifndef LECTERN_IMAGE_H
#define LECTERN_IMAGE_H

#include <stddef.h>

struct arena;

enum image_kind {
	IMAGE_UNKNOWN = 0,
	IMAGE_PNG,
	IMAGE_JPEG
};

enum image_rc {
	IMAGE_OK = 0,
	IMAGE_NOT_IMAGE,	/* neither PNG nor JPEG by its first bytes */
	IMAGE_TOO_MANY_PIXELS,	/* the header declares too large a picture */
	IMAGE_DAMAGED,		/* it claims to be one but does not decode */
	IMAGE_FAILED		/* out of memory or the encoder failed */
};

/* Limits of image_square(). */
struct image_limits {
	unsigned	 max_side;	/* pixels on the longer side */
	unsigned long	 max_pixels;	/* width times height */
	unsigned	 side;		/* of the square made; the box
					 * image_fit fits in */
	int		 quality;	/* of the JPEG made, 1..100 */
};

/* The kind of data by its signature bytes alone.  Pure. */
enum image_kind	image_kind(const void *data, size_t len);

/*
 * The size a PNG or JPEG declares in its header, read by the decoding
 * library without decoding pixels.  Returns IMAGE_OK, IMAGE_NOT_IMAGE
 * or IMAGE_DAMAGED.  Allocates nothing that outlives the call.
 */
enum image_rc	image_size(const void *data, size_t len, unsigned *w,
		    unsigned *h);

/*
 * The orientation (1 to 8) an Exif APP1 segment's data ("Exif\0\0"
 * and a TIFF structure) gives, or 1 (as stored) when it gives none or
 * is malformed.  Pure.
 */
int		image_exif_orientation(const void *app1, size_t len);

/*
 * Decode data (PNG or JPEG), refuse it when its header declares more
 * than the limits allow, crop the centre square, scale it to
 * lim->side pixels a side (transparent parts over white) and encode it
 * as JPEG in *out (*outlen bytes, in the arena).  A JPEG's Exif
 * orientation is applied (the square shows upright).  Returns IMAGE_OK or
 * why not; *w and *h (may be NULL) get the declared size when known.
 */
enum image_rc	image_square(struct arena *, const void *data, size_t len,
		    const struct image_limits *, char **out, size_t *outlen,
		    unsigned *w, unsigned *h);
/*
 * The same as image_square(), but the whole picture is kept: scaled
 * down (never up) so that its longer side is at most lim->side pixels,
 * its proportions unchanged.
 */
enum image_rc	image_fit(struct arena *, const void *data, size_t len,
		    const struct image_limits *, char **out, size_t *outlen,
		    unsigned *w, unsigned *h);

/*
 * Encode w x h pixels (three bytes each, red, green, blue, row after
 * row) as a baseline JPEG in *out (*outlen bytes, in the arena): a
 * picture drawn by the program itself.  IMAGE_OK or IMAGE_FAILED.
 */
enum image_rc	image_jpeg(struct arena *, const unsigned char *rgb,
		    unsigned w, unsigned h, int quality, char **out,
		    size_t *outlen);

#endif
