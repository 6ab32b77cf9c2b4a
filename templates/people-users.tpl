{{%AUTOESCAPE context="HTML"}}<h1>Users</h1>
<p class="actions"><a class="button" href="/admin/users/new">Add a user</a> <a class="button secondary" href="/admin/import/users">Import from CSV</a></p>
<form method="get" action="/admin/users" class="search" role="search">
<label for="q">Search by name or email</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
<button type="submit">Search</button>
</form>
{{#NO_USERS}}<p>There are no users yet.</p>{{/NO_USERS}}
{{#NO_MATCH}}<p>No user matches “{{Q}}”. <a href="/admin/users">Show everyone</a>.</p>{{/NO_MATCH}}
<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Timezone</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#USER}}<tr><td data-label="Name"><a href="/admin/users/{{ID}}">{{NAME}}</a></td><td data-label="Email">{{EMAIL}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Timezone">{{TIMEZONE}}</td><td data-label="Status">{{#DISABLED}}<span class="badge off">Disabled</span>{{/DISABLED}}</td></tr>
{{/USER}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
