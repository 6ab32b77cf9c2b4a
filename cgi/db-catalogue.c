/*
 * db-catalogue.c: the catalogue domain's SQL and its functions.
 */
#include "db.h"

const struct sqltable sql_catalogue = { 0, NULL };
