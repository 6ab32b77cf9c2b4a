{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add a channel</h1>
<p class="muted">After saving, add the channel's members and channel admins on its page.</p>{{/CREATE}}
{{#EDIT}}<h1>Edit channel</h1>
<p class="muted">Channel added {{CREATED}} (UTC). {{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}} {{#LIVE}}<span class="badge live">LIVE</span>{{/LIVE}} <a href="/platform/channels/{{CHANNEL_ID}}">Open the classroom</a></p>{{/EDIT}}
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="description">Description (optional)</label>
<textarea id="description" name="description" rows="4" maxlength="2000">
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="error field" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<button type="submit">Save</button>
</form>
{{#EDIT}}
<section class="card" id="members">
<h2>Members ({{MEMBER_COUNT}})</h2>
{{#MEMBER_ERROR}}<p class="error" id="member-error" role="alert">{{MESSAGE}}</p>{{/MEMBER_ERROR}}
{{#NO_MEMBERS}}<p>This channel has no members yet.</p>{{/NO_MEMBERS}}
{{#NO_MORE_MEMBERS}}<p>No more members.</p>{{/NO_MORE_MEMBERS}}
<table class="list" id="member-list">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col"></th></tr></thead>
<tbody>
{{#MEMBER}}<tr id="member-{{USER_ID}}"><td data-label="Name">{{NAME}}{{#DISABLED}} <span class="badge off">Disabled</span>{{/DISABLED}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Role" class="member-role">{{#IS_ADMIN}}Channel admin{{/IS_ADMIN}}{{#IS_MEMBER}}Member{{/IS_MEMBER}}</td><td class="row-actions">{{#IS_MEMBER}}<form method="post" action="/admin/channels/{{CHANNEL_ID}}/members/{{USER_ID}}/make-admin" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Make channel admin<span class="visually-hidden">: {{NAME}}</span></button></form>{{/IS_MEMBER}}{{#IS_ADMIN}}<form method="post" action="/admin/channels/{{CHANNEL_ID}}/members/{{USER_ID}}/unmake-admin" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Make plain member<span class="visually-hidden">: {{NAME}}</span></button></form>{{/IS_ADMIN}} <form method="post" action="/admin/channels/{{CHANNEL_ID}}/members/{{USER_ID}}/remove" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Remove<span class="visually-hidden"> {{NAME}}</span></button></form></td></tr>
{{/MEMBER}}</tbody>
</table>
<nav class="pager" aria-label="Pages of members">
{{#MEMBERS_PAGER}}{{#FIRST_PAGE}}<a href="{{URL}}#members">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}#members">Next page</a>{{/NEXT}}{{/MEMBERS_PAGER}}
</nav>
<h3 id="add">Add people</h3>
<form method="get" action="/admin/channels/{{CHANNEL_ID}}#add" class="search" role="search">
<label for="find">Find people by name or email</label>
<input id="find" name="find" type="search" maxlength="100" value="{{FIND}}">
<button type="submit">Find</button>
</form>
{{#SEARCHED}}
{{#NO_CANDIDATES}}<p>No active account matches “{{FIND}}”.</p>{{/NO_CANDIDATES}}
<table class="list" id="candidates">
<tbody>
{{#CANDIDATE}}<tr id="candidate-{{USER_ID}}"><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{#ALREADY_MEMBER}}Member{{/ALREADY_MEMBER}}{{#ALREADY_ADMIN}}Channel admin{{/ALREADY_ADMIN}}{{#CAN_ADD}}<form method="post" action="/admin/channels/{{CHANNEL_ID}}/members" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="user_id" value="{{USER_ID}}"><input type="hidden" name="find" value="{{FIND}}"><button type="submit">Add<span class="visually-hidden"> {{NAME}}</span></button></form> <form method="post" action="/admin/channels/{{CHANNEL_ID}}/members" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="user_id" value="{{USER_ID}}"><input type="hidden" name="admin" value="1"><input type="hidden" name="find" value="{{FIND}}"><button type="submit" class="secondary">Add as channel admin<span class="visually-hidden">: {{NAME}}</span></button></form>{{/CAN_ADD}}</td></tr>
{{/CANDIDATE}}</tbody>
</table>
{{#MORE_CANDIDATES}}<p class="hint">Only the first {{SHOWN}} matches are shown; type more of the name or email to narrow the search.</p>{{/MORE_CANDIDATES}}
{{/SEARCHED}}
</section>
<section class="card">
<h2>Archive</h2>
{{#IS_ACTIVE}}<p class="muted">An archived channel keeps its members and past sessions, but members no longer see it among their classrooms and no session can start in it.</p>
<form method="post" action="/admin/channels/{{CHANNEL_ID}}/archive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Archive channel</button>
</form>{{/IS_ACTIVE}}
{{#IS_ARCHIVED}}<form method="post" action="/admin/channels/{{CHANNEL_ID}}/unarchive" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Unarchive channel</button>
</form>{{/IS_ARCHIVED}}
</section>
{{/EDIT}}
<p><a href="/admin/channels">Back to channels</a></p>
