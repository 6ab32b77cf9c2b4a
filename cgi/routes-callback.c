/* routes-callback.c: placeholder until its pages land. */
#include <stddef.h>

#include "req.h"
#include "routes.h"

const struct routeset callback_routes = { NULL, 0 };
