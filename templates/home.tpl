{{%AUTOESCAPE context="HTML"}}<h1>Welcome, {{NAME}}</h1>
{{#TEMPORARY_PASSWORD}}<p class="notice">You are using a temporary password. <a href="/account">Choose your own password</a>.</p>{{/TEMPORARY_PASSWORD}}
<p class="muted" id="zone-line">Today is {{TODAY_LABEL}}. Times in {{ZONE}}.</p>
<div class="dashboard">
<section class="dash" id="live-now" aria-labelledby="live-now-heading">
<h2 id="live-now-heading">Live now</h2>
{{#NOTHING_LIVE}}<p class="muted empty" id="nothing-live">Nothing is live right now.</p>{{/NOTHING_LIVE}}
{{#ANY_LIVE}}<ul class="dash-list" id="live-list">
{{#CLASSROOM}}<li class="dash-item classroom" id="home-classroom-{{SESSION_ID}}"><span class="badge live">LIVE</span> <a href="{{PLACE_URL}}" class="item-name">{{ROOM}}</a> <span class="muted">{{SESSION_NAME}}, since {{SINCE}}</span>
<span class="item-actions"><form method="post" action="/platform/classroom/{{SESSION_ID}}/join" target="_blank" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Join Session</button>
</form> <a href="/platform/classroom/{{SESSION_ID}}">Room page</a></span></li>
{{/CLASSROOM}}{{#LIVE_LESSON}}{{>LESSON}}{{/LIVE_LESSON}}</ul>{{/ANY_LIVE}}
<p class="more"><a href="/platform/channels">All classrooms</a>{{#LIVE_MORE}} · <a href="/platform/schedule?view=list">All live lessons</a>{{/LIVE_MORE}}</p>
</section>
{{#LESSONS}}<section class="dash" id="today" aria-labelledby="today-heading">
<h2 id="today-heading">Today</h2>
{{#NO_TODAY}}<p class="muted empty" id="no-today">No more live lessons today.</p>{{/NO_TODAY}}
{{#ANY_TODAY}}<ul class="dash-list" id="today-list">
{{#TODAY_LESSON}}{{>LESSON}}{{/TODAY_LESSON}}</ul>{{/ANY_TODAY}}
<h3 id="next-heading">Coming next</h3>
{{#NO_NEXT}}<p class="muted empty" id="no-next">No live lessons planned after today.</p>{{/NO_NEXT}}
{{#ANY_NEXT}}<ul class="dash-list" id="next-list">
{{#NEXT_LESSON}}{{>LESSON}}{{/NEXT_LESSON}}</ul>{{/ANY_NEXT}}
<p class="more"><a href="/platform/schedule">This week</a> · <a href="/platform/schedule?view=list" id="all-upcoming">All upcoming lessons</a></p>
</section>{{/LESSONS}}
{{#TODO}}<section class="dash" id="to-complete" aria-labelledby="to-complete-heading">
<h2 id="to-complete-heading">Lessons to complete</h2>
{{#NO_TODO}}<p class="muted empty" id="no-todo">Every lesson of the last {{DAYS}} days is completed, with attendance and notes.</p>{{/NO_TODO}}
{{#ANY_TODO}}<ul class="dash-list" id="todo-list">
{{#TODO_LESSON}}{{>LESSON}}{{/TODO_LESSON}}</ul>{{/ANY_TODO}}
{{#TODO_MORE}}<p class="more" id="todo-more">Only the latest {{SHOWN}} are shown: open them from <a href="/platform/schedule">the schedule</a>.</p>{{/TODO_MORE}}
</section>
<section class="dash" id="attendance" aria-labelledby="attendance-heading">
<h2 id="attendance-heading">Attendance, last {{DAYS}} days</h2>
{{#NO_GLANCE}}<p class="muted empty" id="no-attendance">No completed lessons in the last {{DAYS}} days.</p>{{/NO_GLANCE}}
{{#GLANCE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="attendance-heading"><table class="list" id="attendance-table">
<thead><tr><th scope="col">Learner</th><th scope="col">Lessons</th><th scope="col">Present</th><th scope="col">Late</th><th scope="col">Absent</th><th scope="col">Excused</th><th scope="col">Not taken</th></tr></thead>
<tbody>
{{#GLANCE_ROW}}<tr id="attendance-{{LEARNER_ID}}"><th scope="row">{{LEARNER_NAME}}</th><td data-label="Lessons">{{LESSONS}}</td><td data-label="Present">{{PRESENT}}</td><td data-label="Late">{{LATE}}</td><td data-label="Absent">{{ABSENT}}</td><td data-label="Excused">{{EXCUSED}}</td><td data-label="Not taken">{{UNTAKEN}}</td></tr>
{{/GLANCE_ROW}}</tbody>
</table></div>{{/GLANCE}}
{{#GLANCE_MORE}}<p class="more">The first {{SHOWN}} learners by name; all of them on <a href="/platform/enrollments">your enrollments</a>.</p>{{/GLANCE_MORE}}
</section>{{/TODO}}
{{#WEEK}}<section class="dash" id="this-week" aria-labelledby="this-week-heading">
<h2 id="this-week-heading">Sessions starting this week</h2>
<p class="muted">Training sessions whose access opens from today to {{LAST}}.</p>
{{#NO_STARTING}}<p class="muted empty" id="no-starting">None.</p>{{/NO_STARTING}}
{{#ANY_STARTING}}<ul class="dash-list" id="starting-list">
{{#STARTING}}<li class="dash-item" id="home-training-{{ID}}"><a href="/admin/sessions/{{ID}}" class="item-name">{{NAME}}</a> <span class="muted">opens {{START}}{{#END}}, until {{END_DATE}}{{/END}} · {{LEARNERS}}</span></li>
{{/STARTING}}</ul>{{/ANY_STARTING}}
<p class="more"><a href="{{WEEK_URL}}">All sessions open in these days</a></p>
</section>
<section class="dash" id="problems" aria-labelledby="problems-heading">
<h2 id="problems-heading">Mail and imports</h2>
{{#NO_PROBLEMS}}<p class="muted empty" id="no-problems">No mail waits or failed, and no import waits for you.</p>{{/NO_PROBLEMS}}
{{#PROBLEM_LIST}}<ul class="dash-list" id="problem-list">
{{#MAIL_FAILED}}<li class="dash-item problem" id="mail-failed"><strong>{{COUNT}} email{{#PLURAL}}s{{/PLURAL}} could not be sent</strong> and {{#PLURAL}}were{{/PLURAL}}{{#SINGULAR}}was{{/SINGULAR}} given up. <span class="hint">Once the mail system works again, <code>lecternctl worker --retry-failed</code> puts them back in the queue.</span></li>
{{/MAIL_FAILED}}{{#MAIL_LATE}}<li class="dash-item problem" id="mail-late"><strong>{{COUNT}} email{{#PLURAL}}s{{/PLURAL}} waiting for more than an hour.</strong> <span class="hint">Is <code>lecternctl worker</code> running?</span></li>
{{/MAIL_LATE}}{{#IMPORTS_WAITING}}<li class="dash-item problem" id="imports-waiting"><strong>{{COUNT}} CSV file{{#PLURAL}}s{{/PLURAL}} you uploaded in the last week {{#PLURAL}}were{{/PLURAL}}{{#SINGULAR}}was{{/SINGULAR}} never imported.</strong> <span class="hint">Upload again to see the preview: <a href="/admin/import/users">users</a>, <a href="/admin/import/enrollments">enrollments</a>.</span></li>
{{/IMPORTS_WAITING}}</ul>{{/PROBLEM_LIST}}
</section>
<section class="dash" id="counts" aria-labelledby="counts-heading">
<h2 id="counts-heading">The school</h2>
<dl class="facts counts">
<dt>Users</dt><dd id="count-users">{{USERS}}</dd>
<dt>Training sessions</dt><dd id="count-training">{{TRAININGS}}</dd>
<dt>Course enrollments</dt><dd id="count-enrollments">{{ENROLLMENTS}}</dd>
</dl>
</section>{{/WEEK}}
{{#MY_TRAINING}}<section class="dash" id="my-training" aria-labelledby="my-training-heading">
<h2 id="my-training-heading">{{HEADING}}</h2>
{{#NO_TRAINING}}<p class="muted empty" id="no-training">{{EMPTY}}</p>{{/NO_TRAINING}}
{{#ANY_TRAINING}}<ul class="dash-list" id="training-list">
{{#TRAINING}}<li class="dash-item" id="home-training-{{ID}}"><a href="/sessions/{{ID}}" class="item-name">{{NAME}}</a> <span class="muted">{{DATES}}</span>{{#UPCOMING}} <span class="badge">Upcoming</span>{{/UPCOMING}}</li>
{{/TRAINING}}</ul>{{/ANY_TRAINING}}
<p class="more"><a href="/sessions">My sessions</a></p>
</section>{{/MY_TRAINING}}
{{#FEEDBACK}}<section class="dash" id="home-feedback" aria-labelledby="home-feedback-heading">
<h2 id="home-feedback-heading">Teacher Feedback</h2>
{{#NO_FEEDBACK}}<p class="muted empty" id="no-feedback">No feedback verified in the last {{DAYS}} days.</p>{{/NO_FEEDBACK}}
{{#ANY_FEEDBACK}}<ul class="dash-list" id="feedback-list">
{{#FEEDBACK_ITEM}}<li class="dash-item" id="home-feedback-{{LIVE_ID}}"><a href="/platform/sessions/{{LIVE_ID}}" class="item-name">{{LESSON_NAME}}</a> <span class="muted">{{STARTS}} · {{TEACHER_NAME}}</span></li>
{{/FEEDBACK_ITEM}}</ul>{{/ANY_FEEDBACK}}
</section>{{/FEEDBACK}}
<section class="dash" id="home-notifications" aria-labelledby="notifications-heading">
<h2 id="notifications-heading">Notifications</h2>
{{#NO_NOTICES}}<p class="muted empty" id="no-notices">You have no notifications.</p>{{/NO_NOTICES}}
{{#UNREAD_LINE}}<p id="unread-line"><strong>{{UNREAD}}</strong> unread.</p>{{/UNREAD_LINE}}
{{#ANY_NOTICES}}<ul class="dash-list" id="notice-list">
{{#NOTICE}}<li class="dash-item notice-item{{#NEW}} unread{{/NEW}}" id="home-notification-{{ID}}">{{#NEW}}<strong class="badge new">New</strong> {{/NEW}}{{#LINKED}}<a href="{{LINK}}">{{SUBJECT}}</a>{{/LINKED}}{{#PLAIN}}{{SUBJECT}}{{/PLAIN}} <span class="muted">{{WHEN}}</span></li>
{{/NOTICE}}</ul>{{/ANY_NOTICES}}
<p class="more"><a href="/notifications" id="all-notifications">All notifications</a></p>
</section>
</div>
{{#ADMIN}}
<h2>Administration</h2>
<ul class="links">
<li><a href="/admin/users">Users</a>: find, add, edit and disable accounts.</li>
<li><a href="/admin/users/new">Add a user</a></li>
<li><a href="/admin/import/users">Import users from a CSV file</a></li>
<li><a href="/admin/sessions">Sessions</a>: create a session, add courses, coaches and learners</li>
<li><a href="/admin/import/enrollments">Import enrollments from a CSV file</a></li>
<li><a href="/admin/enrollments">Enrollments</a>: learners in courses with their teacher, for live lessons</li>
<li><a href="/admin/courses">Courses</a> and their lessons</li>
<li><a href="/admin/categories">Session categories</a></li>
<li><a href="/admin/classes">Classes</a>: groups of learners to enroll together</li>
<li><a href="/admin/channels">Channels</a>: classroom channels and their members</li>
<li><a href="/platform/search" class="search-sessions">Search sessions</a>: words said or written in past classroom sessions.</li>
<li><a href="/platform/schedule">Schedule</a>: every teacher's live lessons; "Create Session" plans one for a teacher.</li>
<li><a href="/platform/groups">Groups</a>: the teachers' student groups</li>
<li><a href="/platform/homework">Homework</a>: the teachers' feedback after live lessons, waiting for verification and verified</li>
<li><a href="/admin/billing">Token balances</a>: the school's and every learner's, their ledgers; grant or deduct tokens</li>
</ul>
{{/ADMIN}}
{{#TEACHER}}
<h2>Teaching</h2>
<ul class="links">
<li><a href="/platform/schedule">Schedule</a>: your live lessons this week; "Create Session" plans a new one.</li>
<li><a href="/platform/enrollments">Enrollments</a>: your learners, with their recurring schedule rules.</li>
<li><a href="/platform/homework">Homework</a>: scores and feedback of your completed sessions, to verify.</li>
<li><a href="/platform/groups">Groups</a>: student groups for group lessons.</li>
<li><a href="/platform/channels">Classrooms</a>: your channels; "Start Classroom" opens a live classroom.</li>
<li><a href="/platform/search" class="search-sessions">Search sessions</a>: words said or written in past classroom sessions.</li>
<li><a href="/sessions">My sessions</a>: the training sessions you coach, current, upcoming and past.</li>
</ul>
{{/TEACHER}}
{{#LEARNER}}
<h2>Learning</h2>
<ul class="links">
<li><a href="/platform/schedule">Schedule</a>: your live lessons this week.</li>
<li><a href="/platform/lessons" id="my-lessons-link">My lessons</a>: the lessons of your courses, to answer and complete, with your results.</li>
<li><a href="/platform/channels">Classrooms</a>: your channels and their past sessions.</li>
<li><a href="/platform/search" class="search-sessions">Search sessions</a>: words said or written in past classroom sessions.</li>
<li><a href="/sessions">My sessions</a>: the training sessions you are enrolled in, current, upcoming and past.</li>
<li><a href="/billing">Billing</a>: your token balance and every change to it, such as group sessions.</li>
</ul>
{{/LEARNER}}
<h2>Your account</h2>
<dl class="facts">
<dt>Signed in as</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd>{{ROLE}}</dd>
<dt>Timezone</dt><dd>{{TIMEZONE}}</dd>
</dl>
<ul class="links"><li><a href="/account">Change your password or timezone</a></li></ul>
