{{%AUTOESCAPE context="HTML"}}<h1>Enrollments</h1>
{{#ADMIN}}<p class="actions"><a class="button" href="/admin/enrollments/new">New enrollment</a></p>
<form method="get" action="/admin/enrollments" class="search" role="search">
<label for="q">Learner or course contains</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
{{#Q_ERROR}}<p class="error field" id="q-error">{{MESSAGE}}</p>{{/Q_ERROR}}
<label for="teacher">Teacher</label>
<select id="teacher" name="teacher">
<option value="">All teachers</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
{{#TEACHER_ERROR}}<p class="error field" id="teacher-error">{{MESSAGE}}</p>{{/TEACHER_ERROR}}
<button type="submit">Filter</button>
</form>{{/ADMIN}}
{{#NO_ENROLLMENTS}}<p>There are no enrollments yet.</p>{{/NO_ENROLLMENTS}}
{{#NO_MATCH}}<p>No enrollment matches.</p>{{/NO_MATCH}}
<table class="list" id="enrollments">
<thead><tr><th scope="col">Learner</th><th scope="col">Course</th><th scope="col">Teacher</th><th scope="col">Default length</th><th scope="col">State</th></tr></thead>
<tbody>
{{#ENROLLMENT}}<tr data-id="{{ID}}"><td data-label="Learner"><a href="/platform/enrollments/{{ID}}">{{LEARNER}}</a> <span class="muted">{{EMAIL}}</span></td><td data-label="Course">{{COURSE}}</td><td data-label="Teacher">{{TEACHER}}</td><td data-label="Default length">{{LENGTH}} min</td><td data-label="State">{{STATE}}</td></tr>
{{/ENROLLMENT}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
