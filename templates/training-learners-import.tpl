{{%AUTOESCAPE context="HTML"}}<h1>Import enrollments</h1>
<p>Upload a CSV file with one enrollment per line: <code>email,session</code> and optionally <code>,course</code>. The email is a learner's; the session is its number or its exact name; the course is a course code of that session. A row without a course enrolls the learner in the session and all its courses; a row with a course enrolls them in the session and that course only. A first line <code>email,session,course</code> is recognised as a header. UTF-8, with Windows or Unix line ends; at most {{MAX_ROWS}} rows.</p>
<p>You will see a preview first, with every row that cannot be imported and why. Then you can import all rows at once (only when every row is correct), or choose to import only the valid rows.</p>
<pre class="example">email,session,course
maria.rossi@example.org,Spring 2026 Onboarding,
jon.doe@example.org,12,ENG-101</pre>
{{#FILE_ERROR}}<p class="error" role="alert" id="file-error">{{MESSAGE}}</p>{{/FILE_ERROR}}
<form method="post" action="/admin/import/enrollments" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="file">CSV file</label>
<input id="file" name="file" type="file" accept=".csv,text/csv" required>
<button type="submit">Check file</button>
</form>
<p><a href="/admin/sessions">Back to sessions</a></p>
