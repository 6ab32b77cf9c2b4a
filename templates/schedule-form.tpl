{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Create Session</h1>{{/CREATE}}{{#EDIT}}<h1>Edit Session</h1>
<p><a href="/platform/sessions/{{LIVE_ID}}">Back to the session</a></p>{{/EDIT}}
<p class="muted" id="zone-line">{{ZONE_LINE}}</p>
{{#CHOOSE_TEACHER}}{{#TEACHER_CHOICE}}<form method="get" action="/platform/sessions/new" class="inline" id="teacher-form">
<label for="pick-teacher">Teacher</label>
<select id="pick-teacher" name="teacher">
<option value="">Choose the teacher</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
<button type="submit">Choose</button>
</form>{{/TEACHER_CHOICE}}{{/CHOOSE_TEACHER}}
{{#TEACHER_ERROR}}<p class="error field" id="teacher-error">{{MESSAGE}}</p>{{/TEACHER_ERROR}}
<form method="post" action="{{ACTION}}" class="stack" id="live-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="teacher" value="{{TEACHER_ID}}">
<label for="course">Course</label>
<select id="course" name="course" required>
<option value="">Choose a course</option>
{{#COURSE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/COURSE_OPT}}</select>
{{#COURSE_ERROR}}<p class="error field" id="course-error">{{MESSAGE}}</p>{{/COURSE_ERROR}}
<label for="lesson">Course Lesson <span class="hint">(optional, of the chosen course)</span></label>
<select id="lesson" name="lesson">
<option value="">No lesson</option>
{{#LESSON_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LESSON_OPT}}</select>
{{#LESSON_ERROR}}<p class="error field" id="lesson-error">{{MESSAGE}}</p>{{/LESSON_ERROR}}
<label for="date">Date</label>
<input id="date" name="date" type="date" required value="{{DATE_VALUE}}">
{{#DATE_ERROR}}<p class="error field" id="date-error">{{MESSAGE}}</p>{{/DATE_ERROR}}
<label for="time">Time</label>
<input id="time" name="time" type="time" required value="{{TIME_VALUE}}">
{{#TIME_ERROR}}<p class="error field" id="time-error">{{MESSAGE}}</p>{{/TIME_ERROR}}
<label for="duration">Duration <span class="hint">(minutes, 5 to 180)</span></label>
<input id="duration" name="duration" type="number" min="5" max="180" required list="durations" value="{{DURATION_VALUE}}">
<datalist id="durations"><option value="30"><option value="45"><option value="60"><option value="90"></datalist>
{{#DURATION_ERROR}}<p class="error field" id="duration-error">{{MESSAGE}}</p>{{/DURATION_ERROR}}
<fieldset id="meeting">
<legend>Meeting Type</legend>
<label><input type="radio" name="meeting_type" value="individual"{{#INDIVIDUAL_CHECKED}} checked{{/INDIVIDUAL_CHECKED}}> Individual</label>
<label><input type="radio" name="meeting_type" value="group"{{#GROUP_CHECKED}} checked{{/GROUP_CHECKED}}> Group</label>
{{#MEETING_ERROR}}<p class="error field" id="meeting_type-error">{{MESSAGE}}</p>{{/MEETING_ERROR}}
</fieldset>
{{#NO_ENROLLMENTS}}<p class="notice" id="no-enrollments">This teacher has no active enrollments yet.</p>{{/NO_ENROLLMENTS}}
<label for="enrollment">Learner <span class="hint">(Individual: one of the enrollments in the chosen course)</span></label>
<select id="enrollment" name="enrollment">
<option value="">Choose a learner</option>
{{#ENROLLMENT_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ENROLLMENT_OPT}}</select>
{{#ENROLLMENT_ERROR}}<p class="error field" id="enrollment-error">{{MESSAGE}}</p>{{/ENROLLMENT_ERROR}}
<fieldset id="learners">
<legend>Learners <span class="hint">(Group: choose learners and/or a student group)</span></legend>
{{#LEARNER_OPT}}<label><input type="checkbox" name="learner" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/LEARNER_OPT}}{{#LEARNER_ERROR}}<p class="error field" id="learner-error">{{MESSAGE}}</p>{{/LEARNER_ERROR}}
</fieldset>
<label for="group">Student group</label>
<select id="group" name="group">
<option value="">No group</option>
{{#GROUP_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/GROUP_OPT}}</select>
{{#GROUP_ERROR}}<p class="error field" id="group-error">{{MESSAGE}}</p>{{/GROUP_ERROR}}
<label for="cost">Cost per participant <span class="hint">(Group: tokens each learner present pays, charged once when the attendance is saved; 0 = free)</span></label>
<input id="cost" name="cost" type="number" min="0" max="10000" value="{{COST_VALUE}}">
{{#COST_ERROR}}<p class="error field" id="cost-error">{{MESSAGE}}</p>{{/COST_ERROR}}
<label for="title">Title <span class="hint">(optional)</span></label>
<input id="title" name="title" maxlength="200" value="{{TITLE_VALUE}}">
{{#TITLE_ERROR}}<p class="error field" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<label for="notes">Notes <span class="hint">(optional)</span></label>
<textarea id="notes" name="notes" rows="4" maxlength="5000">{{NOTES_VALUE}}</textarea>
{{#NOTES_ERROR}}<p class="error field" id="notes-error">{{MESSAGE}}</p>{{/NOTES_ERROR}}
<button type="submit">Save</button>
</form>
