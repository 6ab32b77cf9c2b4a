{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/sessions">My sessions</a></p>
<h1>{{SESSION_NAME}}</h1>
{{#READONLY}}<p class="notice" id="readonly-banner" role="status">This session has ended. You can still look at its content, but nothing can be changed.</p>{{/READONLY}}
{{#HIDDEN}}<p class="notice">This session is hidden: its learners cannot see it.</p>{{/HIDDEN}}
{{#DESCRIPTION}}<p class="description">{{TEXT}}</p>
{{/DESCRIPTION}}<dl class="facts">
<dt>Dates</dt><dd id="access-dates">{{ACCESS_DATES}}</dd>
{{#COACH_DATES}}<dt>Coach access</dt><dd id="coach-dates">{{DATES}}</dd>{{/COACH_DATES}}
<dt>Session coach</dt><dd>{{SESSION_COACH}}</dd>
</dl>
<h2>Courses</h2>
{{#NO_COURSES_LEARNER}}<p class="muted">You are not taking any course of this session yet.</p>{{/NO_COURSES_LEARNER}}
{{#NO_COURSES}}<p class="muted">There is no course for you in this session yet.</p>{{/NO_COURSES}}
<ul class="links courses">
{{#COURSE}}<li><a href="/sessions/{{SESSION_ID}}/courses/{{COURSE_ID}}">{{TITLE}}</a> <span class="muted">{{CODE}}</span> · Course coach: <span class="course-coach">{{COURSE_COACH}}</span>{{#YOURS}} <span class="badge on">You coach it</span>{{/YOURS}}</li>
{{/COURSE}}</ul>
