{{%AUTOESCAPE context="HTML"}}<h1>Session categories</h1>
<p class="actions"><a class="button" href="/admin/categories/new">Add a category</a></p>
<form method="get" action="/admin/categories" class="search">
<label class="check"><input type="checkbox" name="archived" value="1"{{#ARCHIVED_CHECKED}} checked{{/ARCHIVED_CHECKED}}> Show archived</label>
<button type="submit" class="secondary">Show</button>
</form>
{{#NONE}}<p>There are no categories yet.</p>{{/NONE}}
<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#CATEGORY}}<tr><td data-label="Name"><a href="/admin/categories/{{ID}}">{{NAME}}</a></td><td data-label="Status">{{#ARCHIVED}}<span class="badge off">Archived</span>{{/ARCHIVED}}</td></tr>
{{/CATEGORY}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
