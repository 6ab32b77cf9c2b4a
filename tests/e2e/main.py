"""Run every end-to-end test module (TAP output)."""

import sys

import test_people_auth  # noqa: F401
import test_security  # noqa: F401
import test_core  # noqa: F401
import test_people_users  # noqa: F401
import test_people_account  # noqa: F401
import test_people_import  # noqa: F401
import test_catalogue  # noqa: F401
import test_training  # noqa: F401
import test_training_learners  # noqa: F401
import test_training_learner  # noqa: F401
import test_schedule  # noqa: F401
import test_schedule_feedback  # noqa: F401
import test_enrollment  # noqa: F401
import test_classroom_room  # noqa: F401
import test_ctl  # noqa: F401
import test_notify  # noqa: F401
import test_bbbsim  # noqa: F401
import test_classroom_callbacks  # noqa: F401
import test_classroom  # noqa: F401
import test_classroom_cycle  # noqa: F401
import test_classroom_recordings  # noqa: F401
import test_classroom_stall  # noqa: F401
import test_transcript  # noqa: F401
import test_transcript_fetch  # noqa: F401
import test_classroom_docs  # noqa: F401
import test_classroom_search  # noqa: F401
import test_home  # noqa: F401
import test_people_avatar  # noqa: F401
import test_core_conflicts  # noqa: F401
import test_classroom_analytics  # noqa: F401
import test_billing  # noqa: F401
import test_enrollment_answers  # noqa: F401
import test_zz_dbdown  # noqa: F401  (last: stops the database)
from lectern import run_all

sys.exit(run_all())
