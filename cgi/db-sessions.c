/*
 * db-sessions.c: the sessions domain's SQL and its functions.
 */
#include "db.h"

const struct sqltable sql_sessions = { 0, NULL };
