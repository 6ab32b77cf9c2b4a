{{%AUTOESCAPE context="HTML"}}<h1>Edit lesson</h1>
<p class="muted">Lesson {{POSITION}} of <a href="/admin/courses/{{COURSE_ID}}">{{COURSE_TITLE}}</a>. {{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}}</p>
<p class="actions"><a class="button" id="edit-content" href="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/content">Edit content and exercises</a></p>
<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="lesson_title">Lesson title</label>
<input id="lesson_title" name="lesson_title" required maxlength="200" value="{{LESSON_TITLE_VALUE}}">
{{#LESSON_TITLE_ERROR}}<p class="error field" id="lesson_title-error">{{MESSAGE}}</p>{{/LESSON_TITLE_ERROR}}
<label for="type">Type</label>
<select id="type" name="type">
{{#TYPE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPT}}</select>
{{#TYPE_ERROR}}<p class="error field" id="type-error">{{MESSAGE}}</p>{{/TYPE_ERROR}}
<button type="submit">Save</button>
</form>
<section class="card">
<h2>Archive</h2>
{{#IS_ACTIVE}}<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/archive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Archive lesson</button>
</form>{{/IS_ACTIVE}}
{{#IS_ARCHIVED}}<form method="post" action="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}/unarchive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Unarchive lesson</button>
</form>{{/IS_ARCHIVED}}
</section>
<p><a href="/admin/courses/{{COURSE_ID}}">Back to the course</a></p>
