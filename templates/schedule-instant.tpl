{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="muted">Instant lesson of the live lesson of {{STARTS}} ({{COURSE}}). <a href="/platform/sessions/{{LIVE_ID}}" id="live-link">Back to the lesson</a></p>
{{#REFUSED}}<p class="error" role="alert" id="instant-error">{{MESSAGE}}</p>{{/REFUSED}}
{{>TEXT}}
{{#ANSWER_FORM}}<p>State: <span id="lesson-state" data-state="{{STATE_VALUE}}">{{STATE}}</span></p>
<h2>Exercises</h2>
<form method="post" action="{{PATH}}/answers" class="stack" id="answer-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>EXERCISES}}
<p class="actions"><button type="submit" name="action" value="draft" class="secondary">Save draft</button>
<button type="submit" name="action" value="complete" id="complete">Complete</button></p>
</form>
{{/ANSWER_FORM}}{{#RESULTS}}<p>State: <span id="lesson-state" data-state="{{STATE_VALUE}}">{{STATE}}</span>{{#SCORE}}, <span id="lesson-score" data-score="{{SCORE_VALUE}}" data-max="{{SCORE_MAX}}">{{SCORE_VALUE}} of {{SCORE_MAX}} points</span>{{/SCORE}}</p>
<h2>Your results</h2>
{{>EXERCISES}}
{{/RESULTS}}{{#TEACHER}}<h2>Learners</h2>
<table class="list" id="instant-learners">
<thead><tr><th scope="col">Learner</th><th scope="col">State</th><th scope="col">Points</th></tr></thead>
<tbody>
{{#LEARNER_ROW}}<tr><td data-label="Learner">{{LEARNER_NAME}}</td><td data-label="State">{{LEARNER_STATE}}</td><td data-label="Points">{{#LEARNER_DONE}}<a href="{{PATH}}?learner={{LEARNER_ID}}">{{POINTS}}</a>{{/LEARNER_DONE}}</td></tr>
{{/LEARNER_ROW}}</tbody>
</table>
{{#SHOWN}}<h2>Answers of {{SHOWN_NAME}}</h2>
{{>EXERCISES}}
{{/SHOWN}}{{>EDITOR}}
{{/TEACHER}}
