{{%AUTOESCAPE context="HTML"}}<h1>Feedback: {{LEARNER_NAME}}</h1>
<p><a href="/platform/sessions/{{LIVE_ID}}" id="lesson-link">{{LESSON_NAME}}</a>, {{STARTS}} · <a href="/platform/homework">Homework</a></p>
<p id="feedback-state" data-state="{{STATE_VALUE}}">State: <strong>{{STATE}}</strong></p>
{{#VERIFIED}}<p class="notice" id="verified-note">This feedback is verified: the learner sees it on the session's page as Teacher Feedback. It cannot be edited until its verification is revoked.</p>
<dl class="facts feedback-scores" id="verified-scores">
{{#SHOWN_SCORE}}<dt>{{SKILL}} score</dt><dd data-skill="{{FIELD}}">{{VALUE}}</dd>
{{/SHOWN_SCORE}}<dt>Teacher comment</dt><dd class="pre" id="verified-comment">{{COMMENT_TEXT}}</dd>
</dl>
<form method="post" action="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}/revoke" class="inline" id="revoke-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">Revoke verification</button>
</form>{{/VERIFIED}}
{{#EDIT}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}" class="stack" id="feedback-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FORM_ERROR}}<p class="error" id="form-error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
<fieldset class="feedback-scores">
<legend>Scores <span class="hint">(1 to 5, each optional)</span></legend>
{{#SKILL}}<label for="{{FIELD}}">{{LABEL}} score</label>
<select id="{{FIELD}}" name="{{FIELD}}">
<option value=""{{#NONE_SELECTED}} selected{{/NONE_SELECTED}}>Not scored</option>
{{#OPT}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{N}}</option>
{{/OPT}}</select>
{{#ERROR}}<p class="error field" id="{{FIELD}}-error">{{MESSAGE}}</p>{{/ERROR}}
{{/SKILL}}</fieldset>
<label for="comment">Teacher comment <span class="hint">(up to {{COMMENT_MAX}} characters)</span></label>
<textarea id="comment" name="comment" rows="6" maxlength="{{COMMENT_MAX}}">{{COMMENT_VALUE}}</textarea>
{{#COMMENT_ERROR}}<p class="error field" id="comment-error">{{MESSAGE}}</p>{{/COMMENT_ERROR}}
<button type="submit">Save feedback</button>
</form>
{{#CAN_VERIFY}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}/verify" class="inline" id="verify-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Verify</button>
</form>{{/CAN_VERIFY}}{{/EDIT}}
<h2 id="history-heading">History</h2>
{{#NO_LOG}}<p class="muted empty" id="no-history">No feedback given yet.</p>{{/NO_LOG}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-heading"><table class="list" id="feedback-history">
<thead><tr><th scope="col">When</th><th scope="col">By</th><th scope="col">Change</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>
{{#LOG}}<tr><td data-label="When">{{WHEN}}</td><td data-label="By">{{WHO}}</td><td data-label="Change">{{WHAT}}</td><td data-label="Before" class="pre">{{BEFORE}}</td><td data-label="After" class="pre">{{AFTER}}</td></tr>
{{/LOG}}</tbody>
</table></div>
