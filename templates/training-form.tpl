{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Create a session</h1>
<p class="muted">Add the session's courses and learners after creating it.</p>{{/CREATE}}
{{#EDIT}}<h1>{{SESSION_NAME}}</h1>
{{#COVERAGE_WARNING}}<p class="notice" role="status" id="coverage-warning">Coach access dates do not cover the learner access dates. Coaches usually need access before learners arrive and after they leave.</p>{{/COVERAGE_WARNING}}
<dl class="facts">
<dt>Status</dt><dd id="session-status">{{STATUS}}</dd>
<dt>Courses</dt><dd id="course-count">{{COURSE_COUNT}}</dd>
<dt>Learners</dt><dd id="learner-count">{{LEARNER_COUNT}}</dd>
</dl>
<p class="actions"><a class="button secondary" href="/admin/sessions/{{SESSION_ID}}/tracking">Tracking</a> <a class="button secondary" href="/admin/sessions/{{SESSION_ID}}/learners.csv">Export learners (CSV)</a> <a class="button secondary" href="/admin/sessions">All sessions</a></p>
<h2>Session details</h2>
{{/EDIT}}
<form method="post" action="{{ACTION}}" class="stack" id="session-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Session name</label>
<input id="name" name="name" required maxlength="150" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="description">Description <span class="hint">(optional)</span></label>
<textarea id="description" name="description" rows="4" maxlength="5000">{{DESCRIPTION_VALUE}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="error field" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<p class="hint">Leave a date empty for no limit on that side.</p>
<label for="display_start">Display start <span class="hint">(when the session appears in learner listings)</span></label>
<input id="display_start" name="display_start" type="date" value="{{DISPLAY_START_VALUE}}">
{{#DISPLAY_START_ERROR}}<p class="error field" id="display_start-error">{{MESSAGE}}</p>{{/DISPLAY_START_ERROR}}
<label for="display_end">Display end</label>
<input id="display_end" name="display_end" type="date" value="{{DISPLAY_END_VALUE}}">
{{#DISPLAY_END_ERROR}}<p class="error field" id="display_end-error">{{MESSAGE}}</p>{{/DISPLAY_END_ERROR}}
<label for="access_start">Access start <span class="hint">(when learners can use the session)</span></label>
<input id="access_start" name="access_start" type="date" value="{{ACCESS_START_VALUE}}">
{{#ACCESS_START_ERROR}}<p class="error field" id="access_start-error">{{MESSAGE}}</p>{{/ACCESS_START_ERROR}}
<label for="access_end">Access end</label>
<input id="access_end" name="access_end" type="date" value="{{ACCESS_END_VALUE}}">
{{#ACCESS_END_ERROR}}<p class="error field" id="access_end-error">{{MESSAGE}}</p>{{/ACCESS_END_ERROR}}
<label for="coach_start">Coach access start <span class="hint">(usually before the learners)</span></label>
<input id="coach_start" name="coach_start" type="date" value="{{COACH_START_VALUE}}">
{{#COACH_START_ERROR}}<p class="error field" id="coach_start-error">{{MESSAGE}}</p>{{/COACH_START_ERROR}}
<label for="coach_end">Coach access end <span class="hint">(usually after the learners)</span></label>
<input id="coach_end" name="coach_end" type="date" value="{{COACH_END_VALUE}}">
{{#COACH_END_ERROR}}<p class="error field" id="coach_end-error">{{MESSAGE}}</p>{{/COACH_END_ERROR}}
<label for="coach">Session coach</label>
<select id="coach" name="coach">
<option value="">No session coach</option>
{{#COACH_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}{{#INACTIVE}} (inactive){{/INACTIVE}}</option>
{{/COACH_OPT}}</select>
{{#COACH_ERROR}}<p class="error field" id="coach-error">{{MESSAGE}}</p>{{/COACH_ERROR}}
<label for="category">Category</label>
<select id="category" name="category">
<option value="">No category</option>
{{#CATEGORY_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}{{#INACTIVE}} (archived){{/INACTIVE}}</option>
{{/CATEGORY_OPT}}</select>
{{#CATEGORY_ERROR}}<p class="error field" id="category-error">{{MESSAGE}}</p>{{/CATEGORY_ERROR}}
<label for="visibility">Visibility</label>
<select id="visibility" name="visibility">
{{#VISIBILITY_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/VISIBILITY_OPT}}</select>
{{#VISIBILITY_ERROR}}<p class="error field" id="visibility-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}
<button type="submit">{{#CREATE}}Create session{{/CREATE}}{{#EDIT}}Save{{/EDIT}}</button>
</form>
{{#EDIT}}
<section class="card" id="courses">
<h2>Courses</h2>
{{#NO_COURSES}}<p>This session has no course yet.</p>{{/NO_COURSES}}
<table class="list" id="session-courses">
<thead><tr><th scope="col">Course</th><th scope="col">Code</th><th scope="col">Course coach</th><th scope="col">Lessons</th><th scope="col">Change</th></tr></thead>
<tbody>
{{#COURSE}}<tr data-course="{{COURSE_ID}}"><td data-label="Course">{{TITLE}}{{#ARCHIVED}} <span class="badge off">Archived</span>{{/ARCHIVED}}</td><td data-label="Code">{{CODE}}</td><td data-label="Course coach">{{COACH_NAME}}</td><td data-label="Lessons">{{LESSONS}}</td>
<td data-label="Change"><form method="post" action="/admin/sessions/{{SESSION_ID}}/courses/{{COURSE_ID}}/coach" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<select name="coach" aria-label="Course coach of {{TITLE}}">
<option value="">No course coach</option>
{{#CC_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CC_OPT}}</select>
<button type="submit" class="secondary">Change coach</button>
</form>
<form method="post" action="/admin/sessions/{{SESSION_ID}}/courses/{{COURSE_ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Remove</button>
</form></td></tr>
{{/COURSE}}</tbody>
</table>
{{#COURSE_ERROR}}<p class="error field" id="course-error">{{MESSAGE}}</p>{{/COURSE_ERROR}}
{{#CAN_ADD_COURSE}}<form method="post" action="/admin/sessions/{{SESSION_ID}}/courses" class="stack" id="add-course">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="course">Add a course</label>
<select id="course" name="course">
{{#COURSE_OPT}}<option value="{{VALUE}}">{{LABEL}} ({{EXTRA}})</option>
{{/COURSE_OPT}}</select>
<label for="course_coach">Course coach <span class="hint">(optional)</span></label>
<select id="course_coach" name="coach">
<option value="">No course coach</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
<button type="submit">Add course</button>
</form>{{/CAN_ADD_COURSE}}
{{#NO_MORE_COURSES}}<p class="muted">Every available course is in this session already.</p>{{/NO_MORE_COURSES}}
</section>

<section class="card" id="learners">
<h2>Learners</h2>
<p>Learners are enrolled in every course of the session.</p>
<h3>Add learners one by one</h3>
<form method="get" action="/admin/sessions/{{SESSION_ID}}" class="search" role="search">
<label for="lq">Find learners by name or email</label>
<input id="lq" name="lq" type="search" maxlength="100" value="{{LQ}}">
<button type="submit">Search</button>
</form>
{{#LEARNER_ERROR}}<p class="error field" id="learner-error">{{MESSAGE}}</p>{{/LEARNER_ERROR}}
{{#SEARCH}}
<table class="list" id="learner-search">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Enrollment</th></tr></thead>
<tbody>
{{#FOUND}}<tr><td data-label="Name">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Enrollment">{{#CAN_ADD}}<form method="post" action="/admin/sessions/{{SESSION_ID}}/learners" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="user" value="{{USER_ID}}">
<input type="hidden" name="lq" value="{{LQ}}">
<button type="submit">Add</button>
</form>{{/CAN_ADD}}{{#IS_ENROLLED}}<span class="badge on">Enrolled</span>{{/IS_ENROLLED}}</td></tr>
{{/FOUND}}</tbody>
</table>
{{#NO_FOUND}}<p>No learner matches “{{LQ}}”.</p>{{/NO_FOUND}}
{{#FOUND_NEXT}}<nav class="pager" aria-label="Search results"><a rel="next" href="{{URL}}">More matches</a></nav>{{/FOUND_NEXT}}
{{/SEARCH}}
<h3>Enroll a class</h3>
{{#CLASS_ERROR}}<p class="error field" id="class-error">{{MESSAGE}}</p>{{/CLASS_ERROR}}
{{#HAS_CLASSES}}<form method="post" action="/admin/sessions/{{SESSION_ID}}/classes" class="stack" id="add-class">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="class">Class</label>
<select id="class" name="class">
{{#CLASS_OPT}}<option value="{{VALUE}}">{{LABEL}} ({{EXTRA}} learners)</option>
{{/CLASS_OPT}}</select>
<p class="hint">The class's members of today are enrolled; later changes to the class do not change this session.</p>
<button type="submit">Enroll class</button>
</form>{{/HAS_CLASSES}}
{{#NO_CLASSES}}<p class="muted">There are no classes to enroll.</p>{{/NO_CLASSES}}
<p><a href="/admin/import/enrollments">Import enrollments from a CSV file</a></p>
<h3>Enrolled learners</h3>
{{#NO_LEARNERS}}<p>No learner is enrolled yet.</p>{{/NO_LEARNERS}}
<table class="list" id="session-learners">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Enrolled by</th><th scope="col">Enrolled at</th><th scope="col">Change</th></tr></thead>
<tbody>
{{#LEARNER}}<tr data-user="{{USER_ID}}"><td data-label="Name">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Enrolled by">{{SOURCE}}</td><td data-label="Enrolled at">{{ENROLLED_AT}}</td>
<td data-label="Change"><form method="post" action="/admin/sessions/{{SESSION_ID}}/learners/{{USER_ID}}/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Remove</button>
</form></td></tr>
{{/LEARNER}}</tbody>
</table>
<nav class="pager" aria-label="Learner pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
</section>
{{/EDIT}}
{{#CREATE}}<p><a href="/admin/sessions">Back to sessions</a></p>{{/CREATE}}
