{{%AUTOESCAPE context="HTML"}}<h1>Enrollment import preview</h1>
<p>File <strong>{{FILENAME}}</strong>: {{ROWS}} rows, {{GOOD}} correct, {{BAD}} with problems.</p>
{{#NOTE}}<p class="error" role="alert" id="import-note">{{MESSAGE}}</p>{{/NOTE}}
{{#HAS_ERRORS}}
<p class="error" role="alert">Nothing was imported yet. These rows cannot be imported:</p>
<table class="list" id="bad-rows">
<thead><tr><th scope="col">Line</th><th scope="col">Problem</th></tr></thead>
<tbody>
{{#BAD_ROW}}<tr><td data-label="Line">{{LINE}}</td><td data-label="Problem">{{REASON}}</td></tr>
{{/BAD_ROW}}</tbody>
</table>
<p><a class="button secondary" href="/admin/import/enrollments">Upload a corrected file</a></p>
{{/HAS_ERRORS}}
{{#APPLY_ALL}}
<p>Every row is correct.</p>
<form method="post" action="{{URL}}" class="inline" id="apply-all">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Import all rows</button>
</form>
<a href="/admin/import/enrollments">Cancel</a>
{{/APPLY_ALL}}
{{#APPLY_VALID}}
<p>You may instead import only the {{GOOD}} valid rows and leave out the {{BAD}} rows above. This is your choice: the rows left out are not imported later.</p>
<form method="post" action="{{URL}}" class="inline" id="apply-valid">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expect" value="{{GOOD}}">
<button type="submit" class="secondary">Import only the {{GOOD}} valid rows</button>
</form>
{{/APPLY_VALID}}
{{#GOOD_ROWS}}
<h2>Valid rows</h2>
<table class="list" id="good-rows">
<thead><tr><th scope="col">Line</th><th scope="col">Learner</th><th scope="col">Email</th><th scope="col">Session</th><th scope="col">Course</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Line">{{LINE}}</td><td data-label="Learner">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Session">{{SESSION}}</td><td data-label="Course">{{COURSE}}</td></tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p class="muted">and {{MORE_COUNT}} more rows.</p>{{/MORE}}
{{/GOOD_ROWS}}
