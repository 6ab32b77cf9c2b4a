/*
 * app.h: Lectern's domains put together for core.
 */
#ifndef LECTERN_APP_H
#define LECTERN_APP_H

/*
 * Hand core every domain's route set and statement table.  Called once
 * by each program before it opens the database or serves a request.
 */
void	app_init(void);

#endif
