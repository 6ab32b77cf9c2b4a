/* routes-notify.c: placeholder until its pages land. */
#include <stddef.h>

#include "req.h"
#include "routes.h"

const struct routeset notify_routes = { NULL, 0 };
