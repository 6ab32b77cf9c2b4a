/*
 * db-enrol.c: the enrol domain's SQL and its functions.
 */
#include "db.h"

const struct sqltable sql_enrol = { 0, NULL };
