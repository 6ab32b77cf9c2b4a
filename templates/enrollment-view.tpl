{{%AUTOESCAPE context="HTML"}}<h1>Enrollment</h1>
<dl class="facts">
<dt>Learner</dt><dd id="learner">{{LEARNER}} <span class="muted">{{EMAIL}}</span></dd>
<dt>Course</dt><dd id="course">{{COURSE}}</dd>
<dt>Teacher</dt><dd id="teacher">{{TEACHER}}</dd>
<dt>Default lesson length</dt><dd id="length">{{LENGTH}} min</dd>
<dt>State</dt><dd id="state">{{STATE}}</dd>
</dl>
<h2 id="attendance-heading">Attendance</h2>
{{#NO_ATTENDANCE}}<p class="muted" id="no-attendance">No attendance recorded yet.</p>{{/NO_ATTENDANCE}}
{{#ATTENDANCE}}<div class="charts" id="attendance" data-lessons="{{LESSONS}}">
<figure class="chart">
<svg class="chart-bars" id="attendance-bars" role="img" aria-labelledby="attendance-bars-title attendance-bars-desc" viewBox="0 0 {{BARS_W}} 110" width="{{BARS_W}}" height="110">
<title id="attendance-bars-title">Attendance at the last {{LESSONS}} lessons</title>
<desc id="attendance-bars-desc">{{SUMMARY}}</desc>
<line class="chart-axis" x1="4" y1="90" x2="{{BARS_W}}" y2="90"></line>
{{#BAR}}<rect class="bar att-{{KIND}}" data-kind="{{KIND}}" x="{{BAR_X}}" y="{{BAR_Y}}" width="40" height="{{BAR_H}}"></rect>
<text class="chart-value" x="{{BAR_MID}}" y="{{COUNT_Y}}" text-anchor="middle">{{COUNT}}</text>
<text class="chart-label" x="{{BAR_MID}}" y="105" text-anchor="middle">{{WORD}}</text>
{{/BAR}}</svg>
<table class="chart-data" id="attendance-counts">
<caption>Lessons by attendance</caption>
<tbody>
{{#BAR}}<tr data-kind="{{KIND}}"><th scope="row">{{WORD}}</th><td>{{COUNT}}</td></tr>
{{/BAR}}</tbody>
</table>
</figure>
<figure class="chart">
<svg class="chart-strip" id="attendance-strip" role="img" aria-labelledby="attendance-strip-title attendance-strip-desc" viewBox="0 0 {{MARKS_W}} 40" width="{{MARKS_W}}" height="40">
<title id="attendance-strip-title">Attendance lesson by lesson, oldest first</title>
<desc id="attendance-strip-desc">A tall mark is present, lower late, lower still excused, a flat one absent.</desc>
{{#MARK}}<rect class="mark att-{{KIND}}" data-kind="{{KIND}}" x="{{MARK_X}}" y="{{MARK_Y}}" width="16" height="{{MARK_H}}"><title>{{WHEN}}: {{WORD}}</title></rect>
{{/MARK}}</svg>
<table class="chart-data" id="attendance-lessons">
<caption>Lesson by lesson (times in {{ZONE}})</caption>
<thead><tr><th scope="col">Lesson</th><th scope="col">Attendance</th></tr></thead>
<tbody>
{{#MARK}}<tr data-kind="{{KIND}}"><td>{{WHEN}}</td><td>{{WORD}}</td></tr>
{{/MARK}}</tbody>
</table>
</figure>
</div>{{/ATTENDANCE}}
{{#ADMIN}}<h2>Edit the enrollment</h2>
<form method="post" action="/admin/enrollments/{{ID}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="teacher-field">Teacher</label>
<select id="teacher-field" name="teacher" required>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
{{#TEACHER_ERROR}}<p class="error field" id="teacher-error">{{MESSAGE}}</p>{{/TEACHER_ERROR}}
<label for="default_length">Default lesson length (minutes)</label>
<input id="default_length" name="default_length" type="number" min="5" max="180" required value="{{LENGTH_VALUE}}">
{{#LENGTH_ERROR}}<p class="error field" id="default_length-error">{{MESSAGE}}</p>{{/LENGTH_ERROR}}
<button type="submit">Save</button>
</form>
{{#CAN_DEACTIVATE}}<form method="post" action="/admin/enrollments/{{ID}}/deactivate"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Deactivate</button></form>{{/CAN_DEACTIVATE}}
{{#CAN_ACTIVATE}}<form method="post" action="/admin/enrollments/{{ID}}/activate"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Activate</button></form>{{/CAN_ACTIVATE}}
{{/ADMIN}}
<h2>Lessons of the course</h2>
{{#NO_LESSONS}}<p class="muted">The course has no lessons yet.</p>{{/NO_LESSONS}}
<p id="lesson-counts">Passed: <strong id="count-passed">{{PASSED}}</strong> of {{LESSON_COUNT}} lessons; Verified: <strong id="count-verified">{{VERIFIED_COUNT}}</strong>.</p>
<ol id="lessons">
{{#LESSON}}<li data-lesson="{{LESSON_ID}}"><a href="/platform/enrollments/{{ID}}/lessons/{{LESSON_ID}}">{{TITLE}}</a> <span class="badge" data-state="{{LESSON_STATE}}">{{LESSON_STATE}}</span>{{#LESSON_SCORE}} <span class="muted">{{POINTS}} points</span>{{/LESSON_SCORE}}{{#NO_EXERCISES}} <span class="muted">(no exercises)</span>{{/NO_EXERCISES}}</li>
{{/LESSON}}</ol>
<h2>Schedule</h2>
{{#MANAGE}}<p class="actions"><a class="button" href="/platform/enrollments/{{ID}}/rules/new">Add Schedule Rule</a></p>{{/MANAGE}}
{{#NO_RULES}}<p class="muted">No schedule rules yet.</p>{{/NO_RULES}}
<table class="list" id="rules">
<thead><tr><th scope="col">Days</th><th scope="col">Time</th><th scope="col">Length</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Actions</th></tr></thead>
<tbody>
{{#RULE}}<tr data-id="{{RULE_ID}}"><td data-label="Days">{{DAYS}}</td><td data-label="Time">{{TIME}} ({{RULE_ZONE}})</td><td data-label="Length">{{RULE_LENGTH}} min</td><td data-label="From">{{START}}</td><td data-label="Until">{{END}}</td><td data-label="Actions">{{#RULE_MANAGE}}<a href="/platform/enrollments/{{ID}}/rules/{{RULE_ID}}">Edit</a>
<form method="post" action="/platform/enrollments/{{ID}}/rules/{{RULE_ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Delete</button></form>{{/RULE_MANAGE}}</td></tr>
{{/RULE}}</tbody>
</table>
<h2>Upcoming sessions</h2>
<p class="muted">Times are in {{ZONE}}.</p>
{{#NO_UPCOMING}}<p class="muted">No upcoming sessions.</p>{{/NO_UPCOMING}}
<table class="list" id="upcoming">
<thead><tr><th scope="col">Starts</th><th scope="col">Length</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#UPCOMING}}<tr><td data-label="Starts">{{WHEN}}</td><td data-label="Length">{{DURATION}} min</td><td data-label="Status">{{STATUS}}</td></tr>
{{/UPCOMING}}</tbody>
</table>
