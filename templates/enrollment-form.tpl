{{%AUTOESCAPE context="HTML"}}<h1>New enrollment</h1>
<form method="get" action="/admin/enrollments/new" class="search" role="search">
<label for="lq">Find a learner by name or email</label>
<input id="lq" name="lq" type="search" maxlength="100" value="{{LQ}}">
{{#LQ_ERROR}}<p class="error field" id="lq-error">{{MESSAGE}}</p>{{/LQ_ERROR}}
<button type="submit">Find</button>
</form>
{{#NO_LEARNERS}}<p class="muted">No active learner matches.</p>{{/NO_LEARNERS}}
<form method="post" action="/admin/enrollments/new" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="lq" value="{{LQ}}">
<label for="learner">Learner</label>
<select id="learner" name="learner" required>
<option value="">Choose a learner</option>
{{#LEARNER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}} ({{EXTRA}})</option>
{{/LEARNER_OPT}}</select>
{{#LEARNER_ERROR}}<p class="error field" id="learner-error">{{MESSAGE}}</p>{{/LEARNER_ERROR}}
<label for="course">Course</label>
<select id="course" name="course" required>
<option value="">Choose a course</option>
{{#COURSE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COURSE_OPT}}</select>
{{#COURSE_ERROR}}<p class="error field" id="course-error">{{MESSAGE}}</p>{{/COURSE_ERROR}}
<label for="teacher">Teacher</label>
<select id="teacher" name="teacher" required>
<option value="">Choose a teacher</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
{{#TEACHER_ERROR}}<p class="error field" id="teacher-error">{{MESSAGE}}</p>{{/TEACHER_ERROR}}
<label for="default_length">Default lesson length (minutes)</label>
<input id="default_length" name="default_length" type="number" min="5" max="180" required value="{{LENGTH_VALUE}}">
{{#LENGTH_ERROR}}<p class="error field" id="default_length-error">{{MESSAGE}}</p>{{/LENGTH_ERROR}}
<button type="submit">Create enrollment</button>
</form>
