/*
 * breaker.c: the window arithmetic of the conferencing server's "not
 * answering" mark (health.h).  Pure: no clock, no database.
 */
#include <limits.h>

#include "conference/health.h"

enum conf_gate
conf_gate_at(long long open_until, long long now, long long window)
{
	if (open_until <= 0)
		return CONF_GATE_CLOSED;
	if (now >= open_until)
		return CONF_GATE_PROBE;
	/* Never refuse for longer than one window from now. */
	if (window >= 0 && open_until - now > window)
		return CONF_GATE_PROBE;
	return CONF_GATE_OPEN;
}

long long
conf_gate_until(long long now, long long window)
{
	if (window < 0)
		window = 0;
	if (now > LLONG_MAX - window)
		return LLONG_MAX;
	return now + window;
}
