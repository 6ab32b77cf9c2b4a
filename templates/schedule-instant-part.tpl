{{%AUTOESCAPE context="HTML"}}<section class="card" id="instant-lessons">
<h2>Instant lessons</h2>
{{#NO_INSTANT}}<p class="muted">No instant lesson yet.</p>{{/NO_INSTANT}}
<ul class="links" id="instant-list">
{{#INSTANT_ROW}}<li><a href="/platform/sessions/{{LIVE_ID}}/instant/{{DOC_ID}}">{{DOC_TITLE}}</a></li>
{{/INSTANT_ROW}}</ul>
{{#CAN_CREATE}}<details id="instant-create"><summary>Create Instant Lesson</summary>
<form method="post" action="/platform/sessions/{{LIVE_ID}}/instant" class="stack" id="instant-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="instant_title">Title</label>
<input id="instant_title" name="doc_title" required maxlength="200">
<label for="instant_body">Lesson text</label>
<p class="hint" id="instant-body-hint">Paragraphs are separated by an empty line; "# " starts a heading. Add exercises on the next page.</p>
<textarea id="instant_body" name="body" rows="5" maxlength="20000" aria-describedby="instant-body-hint"></textarea>
<button type="submit">Create Instant Lesson</button>
</form>
</details>{{/CAN_CREATE}}
</section>
