{{%AUTOESCAPE context="HTML"}}<h1>Enrollments imported</h1>
<p id="import-result">Imported {{COUNT}} rows; {{NEW_LEARNERS}} learners were newly enrolled in a session.</p>
{{#SKIPPED}}<p class="muted">{{BAD}} rows with problems were left out, as you chose.</p>{{/SKIPPED}}
<p><a href="/admin/sessions">All sessions</a> · <a href="/admin/import/enrollments">Import another file</a></p>
