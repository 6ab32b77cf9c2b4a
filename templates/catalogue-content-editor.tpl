{{%AUTOESCAPE context="HTML"}}<section class="card" id="content-text">
<h2>Text</h2>
<form method="post" action="{{BASE}}/text" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#HAS_TITLE}}<label for="doc_title">Title</label>
<input id="doc_title" name="doc_title" required maxlength="200" value="{{DOC_TITLE}}">
{{/HAS_TITLE}}<label for="body">Lesson text</label>
<p class="hint" id="body-hint">Paragraphs are separated by an empty line. A line starting with "# " is a heading, "## " a smaller one. The text is shown as written: no HTML.</p>
<textarea id="body" name="body" rows="10" maxlength="20000" aria-describedby="body-hint">{{BODY}}</textarea>
<button type="submit">Save text</button>
</form>
</section>
<h2 id="exercises-heading">Exercises</h2>
{{#NO_EXERCISES}}<p class="muted" id="no-exercises">No exercises yet.</p>{{/NO_EXERCISES}}
{{#EDIT_EX}}<section class="card exercise" id="edit-ex-{{EX_ID}}" data-kind="{{KIND}}">
<h3>Exercise {{NUM}}: {{KIND_LABEL}}</h3>
<form method="post" action="{{BASE}}/exercises/{{EX_ID}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="prompt-{{EX_ID}}">{{PROMPT_LABEL}}</label>
<textarea id="prompt-{{EX_ID}}" name="prompt" rows="3" required maxlength="2000">{{PROMPT}}</textarea>
{{#HAS_SPEC}}<label for="spec-{{EX_ID}}">{{SPEC_LABEL}}</label>
<textarea id="spec-{{EX_ID}}" name="spec" rows="4" maxlength="2000">{{SPEC}}</textarea>
{{/HAS_SPEC}}<button type="submit">Save exercise</button>
</form>
<p class="actions">{{#CAN_UP}}<form method="post" action="{{BASE}}/exercises/{{EX_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="up"><button type="submit" class="secondary" aria-label="Move exercise {{NUM}} up">Move up</button></form>
{{/CAN_UP}}{{#CAN_DOWN}}<form method="post" action="{{BASE}}/exercises/{{EX_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="direction" value="down"><button type="submit" class="secondary" aria-label="Move exercise {{NUM}} down">Move down</button></form>
{{/CAN_DOWN}}<form method="post" action="{{BASE}}/exercises/{{EX_ID}}/remove" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="danger" aria-label="Remove exercise {{NUM}}">Remove</button></form></p>
</section>
{{/EDIT_EX}}<section class="card" id="add-exercise">
<h3>Add an exercise</h3>
<form method="post" action="{{BASE}}/exercises" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="kind">Type</label>
<select id="kind" name="kind">
{{#KIND_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPT}}</select>
<label for="prompt">Question</label>
<p class="hint" id="prompt-hint">For a gap fill, write the text with each gap as [[answer]], or [[answer|other accepted answer]].</p>
<textarea id="prompt" name="prompt" rows="3" required maxlength="2000" aria-describedby="prompt-hint">{{ADD_PROMPT}}</textarea>
<label for="spec">Options or accepted answers</label>
<p class="hint" id="spec-hint">Multiple choice: one option a line, the correct ones starting with *. Short answer: one accepted answer a line (case and spaces do not count). Leave it empty for a gap fill or an essay.</p>
<textarea id="spec" name="spec" rows="4" maxlength="2000" aria-describedby="spec-hint">{{ADD_SPEC}}</textarea>
<button type="submit">Add exercise</button>
</form>
</section>
