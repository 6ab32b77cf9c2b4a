/*
 * db-live.c: the live domain's SQL and its functions.
 */
#include "db.h"

const struct sqltable sql_live = { 0, NULL };
