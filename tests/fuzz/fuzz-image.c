/*
 * fuzz-image.c: image_square and image_exif_orientation (lib/image.h)
 * on arbitrary bytes.  Whatever comes in, the result is a refusal with
 * no output, or a JPEG of exactly the square asked for; the Exif
 * reader always gives an orientation from 1 to 8.  The limits are
 * small so that each input decodes quickly.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lib/image.h"
#include "lib/util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image_limits	 lim = { 1024, 512UL * 512, 32, 75 };
	struct arena		*a = arena_new();
	char			*out;
	size_t			 len;
	unsigned		 w, h;
	int			 o;
	enum image_rc		 rc;

	o = image_exif_orientation(data, size);
	if (o < 1 || o > 8)
		abort();
	rc = image_square(a, data, size, &lim, &out, &len, &w, &h);
	if (rc != IMAGE_OK) {
		if (out != NULL || len != 0)
			abort();
		if (rc == IMAGE_NOT_IMAGE && image_kind(data, size) !=
		    IMAGE_UNKNOWN)
			abort();
	} else {
		if (out == NULL || image_kind(out, len) != IMAGE_JPEG ||
		    w == 0 || h == 0 || w > lim.max_side || h > lim.max_side)
			abort();
		if (image_size(out, len, &w, &h) != IMAGE_OK || w != lim.side ||
		    h != lim.side)
			abort();
	}
	arena_free(a);
	return 0;
}
