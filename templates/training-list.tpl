{{%AUTOESCAPE context="HTML"}}<h1>Sessions</h1>
<p class="actions"><a class="button" href="/admin/sessions/new">Create a session</a> <a class="button secondary" href="/admin/import/enrollments">Import enrollments from CSV</a></p>
<form method="get" action="/admin/sessions" class="search" role="search" id="session-filters">
<input type="hidden" name="sort" value="{{SORT}}">
<input type="hidden" name="dir" value="{{DIR}}">
<label for="q">Name contains</label>
<input id="q" name="q" type="search" maxlength="150" value="{{Q}}">
{{#Q_ERROR}}<p class="error field" id="q-error">{{MESSAGE}}</p>{{/Q_ERROR}}
<label for="category">Category</label>
<select id="category" name="category">
<option value="">All categories</option>
{{#CATEGORY_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}{{#INACTIVE}} (archived){{/INACTIVE}}</option>
{{/CATEGORY_OPT}}</select>
{{#CATEGORY_ERROR}}<p class="error field" id="category-error">{{MESSAGE}}</p>{{/CATEGORY_ERROR}}
<label for="status">Status</label>
<select id="status" name="status">
<option value="">Any status</option>
{{#STATUS_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPT}}</select>
{{#STATUS_ERROR}}<p class="error field" id="status-error">{{MESSAGE}}</p>{{/STATUS_ERROR}}
<label for="from">Open between</label>
<input id="from" name="from" type="date" value="{{FROM}}">
{{#FROM_ERROR}}<p class="error field" id="from-error">{{MESSAGE}}</p>{{/FROM_ERROR}}
<label for="to">and</label>
<input id="to" name="to" type="date" value="{{TO}}">
{{#TO_ERROR}}<p class="error field" id="to-error">{{MESSAGE}}</p>{{/TO_ERROR}}
<button type="submit">Filter</button>
</form>
<p class="muted">Dates are the learner access dates; status is as of today, {{TODAY}}, in the school's timezone.</p>
{{#BAD_FILTER}}<p class="error" role="alert">Correct the filters above to see the sessions.</p>{{/BAD_FILTER}}
{{#NO_SESSIONS}}<p>There are no sessions yet. <a href="/admin/sessions/new">Create a session</a>.</p>{{/NO_SESSIONS}}
{{#NO_MATCH}}<p>No session matches these filters. <a href="/admin/sessions">Show all sessions</a>.</p>{{/NO_MATCH}}
<table class="list" id="sessions">
<thead><tr>
<th scope="col"{{#SORTED_NAME}} aria-sort="{{ARIA_SORT}}"{{/SORTED_NAME}}><a href="{{SORT_NAME_URL}}">Name</a>{{#SORTED_NAME}} {{ARROW}}{{/SORTED_NAME}}</th>
<th scope="col"{{#SORTED_START}} aria-sort="{{ARIA_SORT}}"{{/SORTED_START}}><a href="{{SORT_START_URL}}">Start</a>{{#SORTED_START}} {{ARROW}}{{/SORTED_START}}</th>
<th scope="col"{{#SORTED_END}} aria-sort="{{ARIA_SORT}}"{{/SORTED_END}}><a href="{{SORT_END_URL}}">End</a>{{#SORTED_END}} {{ARROW}}{{/SORTED_END}}</th>
<th scope="col">Category</th><th scope="col">Courses</th><th scope="col">Learners</th><th scope="col">Status</th>
</tr></thead>
<tbody>
{{#SESSION}}<tr data-id="{{ID}}"><td data-label="Name"><a href="/admin/sessions/{{ID}}">{{NAME}}</a></td><td data-label="Start">{{START}}</td><td data-label="End">{{END}}</td><td data-label="Category">{{CATEGORY}}</td><td data-label="Courses">{{COURSES}}</td><td data-label="Learners">{{LEARNERS}}</td><td data-label="Status">{{STATUS}}</td></tr>
{{/SESSION}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
