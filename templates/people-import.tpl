{{%AUTOESCAPE context="HTML"}}<h1>Import users</h1>
<p>Upload a CSV file with one user per line: <code>name,email,role</code> and optionally <code>,timezone</code>. The role is <code>learner</code>, <code>teacher</code> or <code>admin</code>; an empty timezone means the school's. A first line <code>name,email,role,timezone</code> is recognised as a header. UTF-8, with Windows or Unix line ends; at most {{MAX_ROWS}} rows.</p>
<p>You will see a preview first. Nothing is imported unless every row is correct; then all rows are imported at once.</p>
<pre class="example">name,email,role,timezone
Maria Rossi,maria.rossi@example.org,learner,Europe/Rome
Jon Doe,jon.doe@example.org,teacher,</pre>
{{#FILE_ERROR}}<p class="error" role="alert" id="file-error">{{MESSAGE}}</p>{{/FILE_ERROR}}
<form method="post" action="/admin/import/users" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="file">CSV file</label>
<input id="file" name="file" type="file" accept=".csv,text/csv" required>
<button type="submit">Check file</button>
</form>
