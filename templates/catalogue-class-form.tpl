{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add a class</h1>
<p class="muted">After saving, add the class's learners on its page.</p>{{/CREATE}}
{{#EDIT}}<h1>Edit class</h1>
<p class="muted">Class added {{CREATED}} (UTC). {{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}}</p>{{/EDIT}}
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="description">Description (optional)</label>
<textarea id="description" name="description" rows="4" maxlength="5000">
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="error field" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<button type="submit">Save</button>
</form>
{{#EDIT}}
<section class="card" id="members">
<h2>Members ({{MEMBER_COUNT}})</h2>
{{#MEMBER_ERROR}}<p class="error" id="member-error" role="alert">{{MESSAGE}}</p>{{/MEMBER_ERROR}}
{{#NO_MEMBERS}}<p>This class has no members yet.</p>{{/NO_MEMBERS}}
{{#NO_MORE_MEMBERS}}<p>No more members.</p>{{/NO_MORE_MEMBERS}}
<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Added (UTC)</th><th scope="col"></th></tr></thead>
<tbody>
{{#MEMBER}}<tr><td data-label="Name"><a href="/admin/users/{{USER_ID}}">{{NAME}}</a>{{#DISABLED}} <span class="badge off">Disabled</span>{{/DISABLED}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Added (UTC)">{{ADDED}}</td><td><form method="post" action="/admin/classes/{{CLASS_ID}}/members/{{USER_ID}}/remove" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link" aria-label="Remove {{NAME}}">Remove</button></form></td></tr>
{{/MEMBER}}</tbody>
</table>
<nav class="pager" aria-label="Pages of members">
{{#FIRST_PAGE}}<a href="{{URL}}#members">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}#members">Next page</a>{{/NEXT}}
</nav>
<h3 id="add">Add learners</h3>
<form method="get" action="/admin/classes/{{CLASS_ID}}#add" class="search" role="search">
<label for="find">Find active learners by name or email</label>
<input id="find" name="find" type="search" maxlength="100" value="{{FIND}}">
<button type="submit">Find</button>
</form>
{{#SEARCHED}}
{{#NO_CANDIDATES}}<p>No active learner outside this class matches “{{FIND}}”.</p>{{/NO_CANDIDATES}}
<table class="list">
<tbody>
{{#CANDIDATE}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td><form method="post" action="/admin/classes/{{CLASS_ID}}/members" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="user_id" value="{{USER_ID}}"><input type="hidden" name="find" value="{{FIND}}"><button type="submit" aria-label="Add {{NAME}}">Add</button></form></td></tr>
{{/CANDIDATE}}</tbody>
</table>
{{#MORE_CANDIDATES}}<p class="hint">Only the first {{SHOWN}} matches are shown; type more of the name or email to narrow the search.</p>{{/MORE_CANDIDATES}}
{{/SEARCHED}}
</section>
<section class="card">
<h2>Archive</h2>
{{#IS_ACTIVE}}<p class="muted">An archived class keeps its members but is no longer offered for enrollment.</p>
<form method="post" action="/admin/classes/{{CLASS_ID}}/archive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Archive class</button>
</form>{{/IS_ACTIVE}}
{{#IS_ARCHIVED}}<form method="post" action="/admin/classes/{{CLASS_ID}}/unarchive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Unarchive class</button>
</form>{{/IS_ARCHIVED}}
</section>
{{/EDIT}}
<p><a href="/admin/classes">Back to classes</a></p>
