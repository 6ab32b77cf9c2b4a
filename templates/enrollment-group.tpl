{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<p class="muted">Teacher: {{TEACHER}}. {{#IS_ARCHIVED}}<span class="badge off">Archived</span>{{/IS_ARCHIVED}} <a href="/platform/groups">All groups</a></p>
<form method="post" action="/platform/groups/{{ID}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Group name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<button type="submit">Rename</button>
</form>
<form method="post" action="/platform/groups/{{ID}}/archive">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IS_OPEN}}<button type="submit" class="secondary">Archive</button>{{/IS_OPEN}}
{{#IS_ARCHIVED}}<input type="hidden" name="restore" value="1"><button type="submit">Restore</button>{{/IS_ARCHIVED}}
</form>
<h2>Members</h2>
{{#NO_MEMBERS}}<p class="muted">No members yet.</p>{{/NO_MEMBERS}}
<table class="list" id="members">
<tbody>
{{#MEMBER}}<tr data-id="{{MEMBER_ID}}"><td>{{MEMBER_NAME}}</td><td>{{MEMBER_EMAIL}}</td><td><form method="post" action="/platform/groups/{{ID}}/members/{{MEMBER_ID}}/remove" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Remove</button></form></td></tr>
{{/MEMBER}}</tbody>
</table>
<h2>Add a member</h2>
<form method="get" action="/platform/groups/{{ID}}" class="search" role="search">
<label for="q">Find learners by name or email</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
{{#Q_ERROR}}<p class="error field" id="q-error">{{MESSAGE}}</p>{{/Q_ERROR}}
<button type="submit">Find</button>
</form>
{{#NO_CANDIDATES}}<p class="muted">No learner enrolled with this teacher matches.</p>{{/NO_CANDIDATES}}
<form method="post" action="/platform/groups/{{ID}}/members" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="learner">Learner</label>
<select id="learner" name="learner" required>
{{#CANDIDATE_OPT}}<option value="{{VALUE}}">{{LABEL}} ({{EXTRA}})</option>
{{/CANDIDATE_OPT}}</select>
{{#MEMBER_ERROR}}<p class="error field" id="learner-error">{{MESSAGE}}</p>{{/MEMBER_ERROR}}
<button type="submit">Add to the group</button>
</form>
