{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/sessions">My sessions</a> › <a href="/sessions/{{SESSION_ID}}">{{SESSION_NAME}}</a></p>
<h1>{{TITLE}}</h1>
{{#READONLY}}<p class="notice" id="readonly-banner" role="status">This session has ended. You can still look at its content, but nothing can be changed.</p>{{/READONLY}}
{{#HIDDEN}}<p class="notice">This session is hidden: its learners cannot see it.</p>{{/HIDDEN}}
{{#DESCRIPTION}}<p class="description">{{TEXT}}</p>
{{/DESCRIPTION}}<dl class="facts">
<dt>Code</dt><dd>{{CODE}}</dd>
<dt>Course coach</dt><dd id="course-coach">{{COURSE_COACH}}</dd>
<dt>Session</dt><dd>{{SESSION_NAME}} ({{ACCESS_DATES}})</dd>
{{#COACH_DATES}}<dt>Coach access</dt><dd id="coach-dates">{{DATES}}</dd>{{/COACH_DATES}}
<dt>Session coach</dt><dd>{{SESSION_COACH}}</dd>
</dl>
<h2>Lessons</h2>
{{#NO_LESSONS}}<p class="muted">This course has no lessons yet.</p>{{/NO_LESSONS}}
<ol class="lessons">
{{#LESSON}}<li class="lesson lesson-{{TYPE}}" value="{{POSITION}}">{{LESSON_TITLE}} <span class="badge">{{TYPE_LABEL}}</span></li>
{{/LESSON}}</ol>
{{#COACH_VIEW}}<h2 id="learners-heading">Learners</h2>
{{#NO_LEARNERS}}<p class="muted">No learner takes this course in this session yet.</p>{{/NO_LEARNERS}}
{{#NO_MORE_LEARNERS}}<p class="muted">There are no more learners.</p>{{/NO_MORE_LEARNERS}}
<table class="list" id="learners" aria-labelledby="learners-heading">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Last visit ({{TIMEZONE}})</th><th scope="col">Visits</th></tr></thead>
<tbody>
{{#LEARNER}}<tr><td data-label="Name">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td>{{#VISITED}}<td data-label="Last visit">{{LAST_ACCESS}}</td><td data-label="Visits">{{VISITS}}</td>{{/VISITED}}{{#NEVER}}<td data-label="Last visit">Not yet</td><td data-label="Visits">0</td>{{/NEVER}}</tr>
{{/LEARNER}}</tbody>
</table>
<nav class="pager" aria-label="Pages of learners">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
{{/COACH_VIEW}}
