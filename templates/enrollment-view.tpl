{{%AUTOESCAPE context="HTML"}}<h1>Enrollment</h1>
<dl class="facts">
<dt>Learner</dt><dd id="learner">{{LEARNER}} <span class="muted">{{EMAIL}}</span></dd>
<dt>Course</dt><dd id="course">{{COURSE}}</dd>
<dt>Teacher</dt><dd id="teacher">{{TEACHER}}</dd>
<dt>Default lesson length</dt><dd id="length">{{LENGTH}} min</dd>
<dt>State</dt><dd id="state">{{STATE}}</dd>
</dl>
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
<ol id="lessons">
{{#LESSON}}<li>{{TITLE}}</li>
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
