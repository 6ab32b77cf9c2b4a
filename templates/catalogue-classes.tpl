{{%AUTOESCAPE context="HTML"}}<h1>Classes</h1>
<p class="muted">A class is a named group of learners, enrolled together in training sessions.</p>
<p class="actions"><a class="button" href="/admin/classes/new">Add a class</a></p>
<form method="get" action="/admin/classes" class="search" role="search">
<label for="q">Search by name</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
<label class="check"><input type="checkbox" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}> Show archived</label>
<button type="submit">Search</button>
</form>
{{#NONE}}<p>There are no classes yet.</p>{{/NONE}}
{{#NO_MATCH}}<p>No class matches “{{Q}}”. <a href="/admin/classes">Show every class</a>.</p>{{/NO_MATCH}}
<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Members</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#CLASS}}<tr><td data-label="Name"><a href="/admin/classes/{{ID}}">{{NAME}}</a></td><td data-label="Members" class="members">{{MEMBERS}}</td><td data-label="Status">{{#ARCHIVED}}<span class="badge off">Archived</span>{{/ARCHIVED}}</td></tr>
{{/CLASS}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
