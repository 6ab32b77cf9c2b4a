{{%AUTOESCAPE context="HTML"}}<h1>Courses</h1>
<p class="actions"><a class="button" href="/admin/courses/new">Add a course</a></p>
<form method="get" action="/admin/courses" class="search" role="search">
<label for="q">Search by title or code</label>
<input id="q" name="q" type="search" maxlength="200" value="{{Q}}">
<label class="check"><input type="checkbox" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}> Show archived</label>
<button type="submit">Search</button>
</form>
{{#NONE}}<p>There are no courses yet.</p>{{/NONE}}
{{#NO_MATCH}}<p>No course matches “{{Q}}”. <a href="/admin/courses">Show every course</a>.</p>{{/NO_MATCH}}
<table class="list">
<thead><tr><th scope="col">Title</th><th scope="col">Code</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#COURSE}}<tr><td data-label="Title"><a href="/admin/courses/{{ID}}">{{TITLE}}</a></td><td data-label="Code"><code>{{CODE}}</code></td><td data-label="Status">{{#ARCHIVED}}<span class="badge off">Archived</span>{{/ARCHIVED}}</td></tr>
{{/COURSE}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
