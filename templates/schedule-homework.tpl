{{%AUTOESCAPE context="HTML"}}<h1>Homework</h1>
<p class="muted">Feedback waiting for verification and verified feedback of {{WHOSE}} live lessons. Give feedback from a completed session's page.</p>
<form method="get" action="/platform/homework" class="filters" id="homework-filters">
<label for="state">State</label>
<select id="state" name="state">
<option value="">Any</option>
{{#STATE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE_OPT}}</select>
<label for="learner">Learner</label>
<select id="learner" name="learner">
<option value="">Any</option>
{{#LEARNER_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/LEARNER_OPT}}</select>
<label for="from">Sessions from</label>
<input id="from" name="from" type="date" value="{{FROM_VALUE}}">
<label for="to">to</label>
<input id="to" name="to" type="date" value="{{TO_VALUE}}">
<button type="submit">Filter</button>
</form>
{{#NONE}}<p class="muted empty" id="no-homework">No feedback matches.</p>{{/NONE}}
{{#ANY}}<div class="table-wrap" tabindex="0" role="region" aria-label="Feedback"><table class="list" id="homework">
<thead><tr><th scope="col">Session</th><th scope="col">Learner</th><th scope="col">State</th><th scope="col">Scores</th><th scope="col">Teacher comment</th><th scope="col">Actions</th></tr></thead>
<tbody>
{{#ROW}}<tr id="homework-{{LIVE_ID}}-{{LEARNER_ID}}" data-state="{{STATE_VALUE}}"><td data-label="Session"><a href="/platform/sessions/{{LIVE_ID}}">{{LESSON_NAME}}</a><br><span class="muted">{{STARTS}}{{#ADMIN_COL}} · {{TEACHER_NAME}}{{/ADMIN_COL}}</span></td><td data-label="Learner">{{LEARNER_NAME}}</td><td data-label="State">{{STATE}}</td><td data-label="Scores">{{SCORES}}</td><td data-label="Teacher comment">{{COMMENT}}</td><td data-label="Actions"><a href="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}">Open<span class="visually-hidden"> the feedback of {{LEARNER_NAME}}</span></a>
{{#CAN_VERIFY}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}/verify" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="back" value="homework">
<button type="submit">Verify<span class="visually-hidden"> the feedback of {{LEARNER_NAME}}</span></button>
</form>{{/CAN_VERIFY}}{{#CAN_REVOKE}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/feedback/{{LEARNER_ID}}/revoke" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="back" value="homework">
<button type="submit" class="secondary">Revoke verification<span class="visually-hidden"> of the feedback of {{LEARNER_NAME}}</span></button>
</form>{{/CAN_REVOKE}}</td></tr>
{{/ROW}}</tbody>
</table></div>{{/ANY}}
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
