{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add a course</h1>
<p class="muted">After saving, add the course's lessons on its page.</p>{{/CREATE}}
{{#EDIT}}<h1>Edit course</h1>
<p class="muted">Course added {{CREATED}} (UTC). {{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}}</p>{{/EDIT}}
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="title">Title</label>
<input id="title" name="title" required maxlength="200" value="{{TITLE_VALUE}}">
{{#TITLE_ERROR}}<p class="error field" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<label for="code">Code</label>
<input id="code" name="code" required maxlength="40" pattern="[A-Za-z0-9._\-]+" aria-describedby="code-hint" value="{{CODE_VALUE}}">
<p class="hint" id="code-hint">Letters, digits, dots, underscores and hyphens; unique among courses.</p>
{{#CODE_ERROR}}<p class="error field" id="code-error">{{MESSAGE}}</p>{{/CODE_ERROR}}
<label for="description">Description (optional)</label>
<textarea id="description" name="description" rows="5" maxlength="5000">
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="error field" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<button type="submit">Save</button>
</form>
{{#EDIT}}
<section class="card" id="lessons">
<h2>Lessons</h2>
{{#NO_LESSONS}}<p>This course has no lessons yet.</p>{{/NO_LESSONS}}
<table class="list">
<thead><tr><th scope="col">#</th><th scope="col">Lesson</th><th scope="col">Type</th><th scope="col">Order</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#LESSON}}<tr><td data-label="#">{{NUMBER}}</td><td data-label="Lesson"><a href="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}">{{LESSON_TITLE}}</a></td><td data-label="Type">{{TYPE_LABEL}}</td><td data-label="Order">{{#CAN_UP}}<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="up"><button type="submit" class="secondary" aria-label="Move {{LESSON_TITLE}} up">Up</button></form>{{/CAN_UP}}
{{#CAN_DOWN}}<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="down"><button type="submit" class="secondary" aria-label="Move {{LESSON_TITLE}} down">Down</button></form>{{/CAN_DOWN}}</td>
<td data-label="Status">{{#LESSON_ACTIVE}}<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/archive" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Archive</button></form>{{/LESSON_ACTIVE}}{{#LESSON_ARCHIVED}}<span class="badge off">Archived</span> <form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/unarchive" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Unarchive</button></form>{{/LESSON_ARCHIVED}}</td></tr>
{{/LESSON}}</tbody>
</table>
<h3>Add a lesson</h3>
<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="lesson_title">Lesson title</label>
<input id="lesson_title" name="lesson_title" required maxlength="200" value="{{LESSON_TITLE_VALUE}}">
{{#LESSON_TITLE_ERROR}}<p class="error field" id="lesson_title-error">{{MESSAGE}}</p>{{/LESSON_TITLE_ERROR}}
<label for="type">Type</label>
<select id="type" name="type">
{{#TYPE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPT}}</select>
{{#TYPE_ERROR}}<p class="error field" id="type-error">{{MESSAGE}}</p>{{/TYPE_ERROR}}
<button type="submit">Add lesson</button>
</form>
</section>
<section class="card">
<h2>Archive</h2>
{{#IS_ACTIVE}}<p class="muted">An archived course is kept with its lessons but no longer offered in everyday lists.</p>
<form method="post" action="/admin/courses/{{COURSE_ID}}/archive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Archive course</button>
</form>{{/IS_ACTIVE}}
{{#IS_ARCHIVED}}<p class="muted">This course is archived.</p>
<form method="post" action="/admin/courses/{{COURSE_ID}}/unarchive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Unarchive course</button>
</form>{{/IS_ARCHIVED}}
</section>
{{/EDIT}}
<p><a href="/admin/courses">Back to courses</a></p>
