{{%AUTOESCAPE context="HTML"}}{{#BANNER}}<section class="feedback-banner" id="feedback-banner-{{LEARNER_ID}}" aria-labelledby="feedback-banner-heading-{{LEARNER_ID}}">
<h2 id="feedback-banner-heading-{{LEARNER_ID}}">Teacher Feedback{{#FOR_LEARNER}}: {{LEARNER_NAME}}{{/FOR_LEARNER}}</h2>
{{#ANY_SCORES}}<dl class="facts feedback-scores">
{{#SCORE}}<dt>{{SKILL}}</dt><dd data-skill="{{FIELD}}">{{VALUE}} / 5</dd>
{{/SCORE}}</dl>{{/ANY_SCORES}}
{{#COMMENT}}<p class="pre feedback-comment">{{COMMENT_TEXT}}</p>{{/COMMENT}}
{{#HINT}}<p class="hint feedback-hint">To change feedback, find this homework in <a href="/platform/homework">Homework</a> and revoke verification.</p>{{/HINT}}
</section>
{{/BANNER}}{{#MANAGE}}<h2 id="feedback-heading">Scores and feedback</h2>
<table class="list" id="feedback-states" aria-labelledby="feedback-heading">
<thead><tr><th scope="col">Learner</th><th scope="col">Feedback</th></tr></thead>
<tbody>
{{#ROW}}<tr id="feedback-row-{{LEARNER_ID}}"><th scope="row">{{LEARNER_NAME}}</th><td data-label="Feedback">{{STATE}} · <a href="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}">{{ACTION}}<span class="visually-hidden"> for {{LEARNER_NAME}}</span></a></td></tr>
{{/ROW}}</tbody>
</table>{{/MANAGE}}
