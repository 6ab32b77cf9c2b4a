/*
 * db-learn.c: the learn domain's SQL and its functions.
 */
#include "db.h"

const struct sqltable sql_learn = { 0, NULL };
