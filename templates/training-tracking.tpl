{{%AUTOESCAPE context="HTML"}}<h1>Tracking: {{SESSION_NAME}}</h1>
<p class="muted">Last access times are shown in {{ZONE}}. Progress counts the lessons done out of the course's current lessons.</p>
<p class="actions"><a class="button secondary" href="/admin/sessions/{{SESSION_ID}}">Back to the session</a></p>
{{#NO_LEARNERS}}<p>No learner is enrolled in this session yet.</p>{{/NO_LEARNERS}}
{{#NO_MORE}}<p>There are no more learners.</p>{{/NO_MORE}}
<table class="list" id="tracking">
<thead><tr><th scope="col">Learner</th><th scope="col">Course</th><th scope="col">Last access</th><th scope="col">Progress</th></tr></thead>
<tbody>
{{#LEARNER}}{{#TRACK}}<tr><td data-label="Learner">{{NAME}} <span class="muted">{{EMAIL}}</span></td>{{#NO_COURSE}}<td colspan="3">Not in any course of this session</td>{{/NO_COURSE}}{{#IN_COURSE}}<td data-label="Course">{{COURSE}}</td><td data-label="Last access">{{LAST_ACCESS}}</td><td data-label="Progress">{{PROGRESS}}</td>{{/IN_COURSE}}</tr>
{{/TRACK}}{{/LEARNER}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
