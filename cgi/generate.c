/*
 * generate.c: live sessions generated from schedule rules.
 */
#include "db.h"
