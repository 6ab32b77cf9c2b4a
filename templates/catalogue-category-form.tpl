{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add a category</h1>
<p class="muted">Categories group training sessions in lists and filters.</p>{{/CREATE}}
{{#EDIT}}<h1>Rename category</h1>
<p class="muted">{{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}}</p>{{/EDIT}}
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<button type="submit">Save</button>
</form>
{{#EDIT}}
<section class="card">
<h2>Archive</h2>
{{#IS_ACTIVE}}<p class="muted">An archived category keeps its sessions but is no longer offered for new ones.</p>
<form method="post" action="/admin/categories/{{CATEGORY_ID}}/archive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Archive category</button>
</form>{{/IS_ACTIVE}}
{{#IS_ARCHIVED}}<form method="post" action="/admin/categories/{{CATEGORY_ID}}/unarchive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Unarchive category</button>
</form>{{/IS_ARCHIVED}}
</section>
{{/EDIT}}
<p><a href="/admin/categories">Back to categories</a></p>
