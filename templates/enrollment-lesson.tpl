{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<dl class="facts">
<dt>Course</dt><dd>{{COURSE}} <span class="muted">({{TYPE}} lesson)</span></dd>
<dt>Learner</dt><dd id="learner">{{LEARNER}}</dd>
<dt>Teacher</dt><dd>{{TEACHER}}</dd>
<dt>State</dt><dd id="lesson-state" data-state="{{STATE_VALUE}}">{{STATE}}</dd>
{{#SCORE}}<dt>Score</dt><dd id="lesson-score" data-score="{{SCORE_VALUE}}" data-max="{{SCORE_MAX}}">{{SCORE_VALUE}} of {{SCORE_MAX}} points</dd>
<dt>Completed</dt><dd>{{COMPLETED}}</dd>
{{/SCORE}}</dl>
{{#VERIFIED}}<p class="notice" id="verified-line">{{VERIFIED_LINE}}</p>{{/VERIFIED}}
{{#REFUSED}}<p class="error" role="alert" id="lesson-error">{{MESSAGE}}</p>{{/REFUSED}}
<p><a href="/platform/enrollments/{{ENROLLMENT_ID}}">Back to the enrollment</a></p>
{{#NO_CONTENT}}<p class="muted" id="no-content">This lesson has no content yet.</p>{{/NO_CONTENT}}
{{>TEXT}}
{{#ANSWER_FORM}}<h2>Exercises</h2>
<form method="post" action="{{PATH}}" class="stack" id="answer-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>EXERCISES}}
<p class="hint">Save a draft to come back later. Once you complete the lesson, your answers cannot change.</p>
<p class="actions"><button type="submit" name="action" value="draft" class="secondary">Save draft</button>
<button type="submit" name="action" value="complete" id="complete">Complete</button></p>
</form>
{{/ANSWER_FORM}}{{#NOT_DONE}}<p class="muted" id="not-done">The learner has not completed this lesson yet.</p>
{{/NOT_DONE}}{{#RESULTS}}<h2>Your results</h2>
{{>EXERCISES}}
{{/RESULTS}}{{#REVIEW}}<h2>Answers</h2>
<form method="post" action="{{PATH}}/marks" class="stack" id="marks-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>EXERCISES}}
<p class="actions"><button type="submit" class="secondary">Save marks</button></p>
</form>
<form method="post" action="{{PATH}}/verify" class="inline" id="verify-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" id="verify">Verify</button>
</form>
{{/REVIEW}}{{#VERIFIED_REVIEW}}<h2>Answers</h2>
{{>EXERCISES}}
<form method="post" action="{{PATH}}/revoke" class="inline" id="revoke-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger" id="revoke">Revoke verification</button>
</form>
{{/VERIFIED_REVIEW}}{{#HISTORY}}<h2 id="history-heading">History</h2>
<table class="list" id="attempt-log">
<thead><tr><th scope="col">What</th><th scope="col">Who</th><th scope="col">When</th></tr></thead>
<tbody>
{{#ATT_LOG}}<tr><td data-label="What">{{ACTION}}</td><td data-label="Who">{{WHO}}</td><td data-label="When">{{WHEN}}</td></tr>
{{/ATT_LOG}}</tbody>
</table>
{{/HISTORY}}