{{%AUTOESCAPE context="HTML"}}<h1>Tracking: {{SESSION_NAME}}</h1>
<p class="muted">Last access times are shown in {{ZONE}}. Progress counts the lessons done out of the course's current lessons.</p>
<p class="actions"><a class="button secondary" href="/admin/sessions/{{SESSION_ID}}">Back to the session</a></p>
<h2 id="progress-heading">Progress by course</h2>
{{#NO_PROGRESS}}<p class="muted" id="no-progress">No learner is in a course of this session yet, so there is nothing to chart.</p>{{/NO_PROGRESS}}
{{#PROGRESS}}<div class="charts" id="progress" data-courses="{{COURSES}}">
<figure class="chart">
<svg class="chart-hbars" id="progress-chart" role="img" aria-labelledby="progress-title progress-desc" viewBox="0 0 260 {{PROGRESS_H}}" width="260" height="{{PROGRESS_H}}">
<title id="progress-title">Progress of the session's courses</title>
<desc id="progress-desc">Per course, the upper bar is the share of its learners who opened it, the lower bar the share of its lessons they did; the table beside has the figures.</desc>
{{#COURSE_BAR}}<g><title>{{BAR_COURSE}}: {{OPENED_PCT}}% opened, {{DONE_PCT}}% of lessons done</title>
<rect class="bar" x="0" y="{{ROW_Y}}" width="{{OPENED_W}}" height="10"></rect><text class="chart-value" x="{{OPENED_TX}}" y="{{OPENED_TY}}">{{OPENED_PCT}}%</text>
<rect class="bar att-present" x="0" y="{{DONE_Y}}" width="{{DONE_W}}" height="10"></rect><text class="chart-value" x="{{DONE_TX}}" y="{{DONE_TY}}">{{DONE_PCT}}%</text></g>
{{/COURSE_BAR}}</svg>
<table class="chart-data" id="progress-table">
<caption>Per course</caption>
<thead><tr><th scope="col">Course</th><th scope="col">Learners</th><th scope="col">Opened</th><th scope="col">Lessons done</th></tr></thead>
<tbody>
{{#COURSE_BAR}}<tr class="progress-row"><th scope="row">{{BAR_COURSE}}</th><td>{{BAR_LEARNERS}}</td><td>{{BAR_OPENED}} ({{OPENED_PCT}}%)</td><td>{{BAR_DONE}} of {{BAR_LESSONS}} ({{DONE_PCT}}%)</td></tr>
{{/COURSE_BAR}}</tbody>
</table>
</figure>
</div>{{/PROGRESS}}
<h2 id="learners-heading">Learners</h2>
{{#NO_LEARNERS}}<p>No learner is enrolled in this session yet.</p>{{/NO_LEARNERS}}
{{#NO_MORE}}<p>There are no more learners.</p>{{/NO_MORE}}
<table class="list" id="tracking">
<thead><tr><th scope="col">Learner</th><th scope="col">Course</th><th scope="col">Last access</th><th scope="col">Progress</th><th scope="col">Passed / Verified</th></tr></thead>
<tbody>
{{#LEARNER}}{{#TRACK}}<tr><td data-label="Learner">{{NAME}} <span class="muted">{{EMAIL}}</span></td>{{#NO_COURSE}}<td colspan="4">Not in any course of this session</td>{{/NO_COURSE}}{{#IN_COURSE}}<td data-label="Course">{{COURSE}}</td><td data-label="Last access">{{LAST_ACCESS}}</td><td data-label="Progress">{{PROGRESS}}</td><td data-label="Passed / Verified" class="passed" data-passed="{{PASSED}}" data-verified="{{VERIFIED}}">{{PASSED}} / {{VERIFIED}}</td>{{/IN_COURSE}}</tr>
{{/TRACK}}{{/LEARNER}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
