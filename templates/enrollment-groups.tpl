{{%AUTOESCAPE context="HTML"}}<h1>Groups</h1>
<h2>New group</h2>
<form method="post" action="/platform/groups" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Group name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
{{#PICK_TEACHER}}<label for="teacher">Teacher</label>
<select id="teacher" name="teacher" required>
<option value="">Choose a teacher</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
{{#TEACHER_ERROR}}<p class="error field" id="teacher-error">{{MESSAGE}}</p>{{/TEACHER_ERROR}}{{/PICK_TEACHER}}
<button type="submit">Create group</button>
</form>
{{#NO_GROUPS}}<p>There are no groups yet.</p>{{/NO_GROUPS}}
<table class="list" id="groups">
<thead><tr><th scope="col">Name</th><th scope="col">Teacher</th><th scope="col">Members</th></tr></thead>
<tbody>
{{#GROUP}}<tr data-id="{{ID}}"><td data-label="Name"><a href="/platform/groups/{{ID}}">{{NAME}}</a>{{#ARCHIVED}} <span class="badge off">Archived</span>{{/ARCHIVED}}</td><td data-label="Teacher">{{TEACHER}}</td><td data-label="Members">{{MEMBERS}}</td></tr>
{{/GROUP}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
