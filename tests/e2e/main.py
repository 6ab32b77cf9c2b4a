"""Run every end-to-end test module (TAP output)."""

import sys

import test_people_auth  # noqa: F401
import test_security  # noqa: F401
import test_people_users  # noqa: F401
import test_people_account  # noqa: F401
import test_people_import  # noqa: F401
import test_catalogue  # noqa: F401
import test_sessions  # noqa: F401
import test_enroll  # noqa: F401
import test_learn  # noqa: F401
import test_schedule  # noqa: F401
import test_enrol  # noqa: F401
import test_room  # noqa: F401
import test_ctl  # noqa: F401
import test_notify  # noqa: F401
import test_bbbsim  # noqa: F401
import test_callbacks  # noqa: F401
import test_classroom  # noqa: F401
import test_cycle  # noqa: F401
import test_recordings  # noqa: F401
import test_zz_dbdown  # noqa: F401  (last: stops the database)
from lectern import run_all

sys.exit(run_all())
