{{%AUTOESCAPE context="HTML"}}<h1>Import preview</h1>
<p>File <strong>{{FILENAME}}</strong>: {{ROWS}} rows, {{GOOD}} correct, {{BAD}} with problems.</p>
{{#HAS_ERRORS}}
<p class="error" role="alert">Nothing was imported. Correct these rows and upload the file again.</p>
<table class="list" id="bad-rows">
<thead><tr><th scope="col">Line</th><th scope="col">Problem</th></tr></thead>
<tbody>
{{#BAD_ROW}}<tr><td data-label="Line">{{LINE}}</td><td data-label="Problem">{{REASON}}</td></tr>
{{/BAD_ROW}}</tbody>
</table>
<p><a class="button" href="/admin/import/users">Upload a corrected file</a></p>
{{/HAS_ERRORS}}
{{#READY}}
<p>Every row is correct. Importing creates {{GOOD}} users, each with a one-time link to choose a password.</p>
<form method="post" action="{{ACTION}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Import {{GOOD}} users</button>
</form>
<a href="/admin/import/users">Cancel</a>
<table class="list" id="good-rows">
<thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Timezone</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Line">{{LINE}}</td><td data-label="Name">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Timezone">{{TIMEZONE}}</td></tr>
{{/ROW}}</tbody>
</table>
{{#MORE}}<p class="muted">and {{MORE_COUNT}} more rows.</p>{{/MORE}}
{{/READY}}
