{{%AUTOESCAPE context="HTML"}}<h1>Welcome, {{NAME}}</h1>
{{#TEMPORARY_PASSWORD}}<p class="notice">You are using a temporary password. <a href="/account">Choose your own password</a>.</p>{{/TEMPORARY_PASSWORD}}
<dl class="facts">
<dt>Signed in as</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd>{{ROLE}}</dd>
<dt>Timezone</dt><dd>{{TIMEZONE}}</dd>
</dl>
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
</ul>
{{/ADMIN}}
{{#TEACHER}}
<h2>Teaching</h2>
<ul class="links">
<li><a href="/platform/schedule">Schedule</a>: your live lessons this week; "Create Session" plans a new one.</li>
<li><a href="/platform/enrollments">Enrollments</a>: your learners, with their recurring schedule rules.</li>
<li><a href="/platform/groups">Groups</a>: student groups for group lessons.</li>
<li><a href="/sessions">My sessions</a>: the training sessions you coach, current, upcoming and past.</li>
</ul>
{{/TEACHER}}
{{#LEARNER}}
<h2>Learning</h2>
<ul class="links">
<li><a href="/platform/schedule">Schedule</a>: your live lessons this week.</li>
<li><a href="/sessions">My sessions</a>: the training sessions you are enrolled in, current, upcoming and past.</li>
</ul>
{{/LEARNER}}
<h2>Your account</h2>
<ul class="links"><li><a href="/account">Change your password or timezone</a></li></ul>
