{{%AUTOESCAPE context="HTML"}}<h1>Analytics: {{NAME}}</h1>
<p class="muted" id="held">{{HELD_TEXT}} · learners are the channel's members who are not its admins · <a href="/platform/channels/{{CHANNEL_ID}}/analytics/attendance" id="csv-link" download>Attendance (CSV)</a></p>
<h2 id="sessions-heading">Sessions</h2>
{{#NO_SESSIONS}}<p class="muted" id="no-sessions">No session has ended yet, so there is nothing to chart.</p>{{/NO_SESSIONS}}
{{#SESSIONS}}<div class="charts" id="analytics-charts" data-sessions="{{CHARTED}}">
{{#CHART}}<figure class="chart">
<svg class="chart-bars" id="chart-{{CHART_ID}}" role="img" aria-labelledby="chart-{{CHART_ID}}-title chart-{{CHART_ID}}-desc" viewBox="0 0 {{CHART_W}} 100" width="{{CHART_W}}" height="100">
<title id="chart-{{CHART_ID}}-title">{{CHART_TITLE}}</title>
<desc id="chart-{{CHART_ID}}-desc">{{CHART_DESC}}</desc>
<line class="chart-axis" x1="4" y1="90" x2="{{CHART_W}}" y2="90"></line>
<text class="chart-label" x="4" y="10">Bars: {{BAR_NAME}} · line: {{LINE_NAME}}</text>
{{#POINT}}<rect class="bar" x="{{POINT_X}}" y="{{POINT_Y}}" width="16" height="{{POINT_H}}"><title>{{POINT_DATE}}: {{POINT_BAR}} {{BAR_NAME}}, {{POINT_LINE}} {{LINE_NAME}}</title></rect>
{{/POINT}}<polyline class="spark" points="{{SPARK_POINTS}}"></polyline>
{{#POINT}}<circle class="spark-dot" cx="{{DOT_X}}" cy="{{DOT_Y}}" r="3"></circle>
{{/POINT}}</svg>
<figcaption class="muted">{{CHART_TITLE}}</figcaption>
</figure>
{{/CHART}}</div>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sessions-heading">
<table class="list" id="sessions-table">
<caption>The latest {{CHARTED}} sessions, oldest first (learners only)</caption>
<thead><tr><th scope="col">Session</th><th scope="col">Started</th><th scope="col">Learners present</th><th scope="col">Minutes</th><th scope="col">Messages</th><th scope="col">Poll votes</th></tr></thead>
<tbody>
{{#SESSION}}<tr id="session-{{SESSION_ID}}"><th scope="row"><a href="/platform/classroom/{{SESSION_ID}}/summary">{{SESSION_NAME}}</a></th><td data-label="Started">{{STARTED}}</td><td class="num" data-label="Learners present">{{LEARNERS}}</td><td class="num" data-label="Minutes">{{MINUTES}}</td><td class="num" data-label="Messages">{{MESSAGES}}</td><td class="num" data-label="Poll votes">{{VOTES}}</td></tr>
{{/SESSION}}</tbody>
</table>
</div>{{/SESSIONS}}
<h2 id="learners-heading">Learners</h2>
{{#LEARNERS}}{{#NO_LEARNERS}}<p class="muted" id="no-learners">This channel has no learners yet.</p>{{/NO_LEARNERS}}
{{#NO_MORE_LEARNERS}}<p class="muted">No more learners.</p>{{/NO_MORE_LEARNERS}}
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="learners-heading">
<table class="list" id="learners-table">
<caption>Attendance of the {{HELD}} sessions held, by name</caption>
<thead><tr><th scope="col">Learner</th><th scope="col">Sessions attended</th><th scope="col">Attendance rate</th><th scope="col">Minutes</th><th scope="col">Messages</th><th scope="col">Poll votes</th></tr></thead>
<tbody>
{{#LEARNER}}<tr id="learner-{{USER_ID}}"><th scope="row">{{LEARNER_NAME}}</th><td class="num attended" data-label="Sessions attended">{{ATTENDED}} of {{HELD}}</td><td class="rate" data-label="Attendance rate"><svg class="meter" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true"><rect class="meter-track" x="0" y="0" width="100" height="8"></rect><rect class="meter-fill" x="0" y="0" width="{{RATE_W}}" height="8"></rect></svg> <span class="rate-value">{{RATE}}%</span></td><td class="num" data-label="Minutes">{{L_MINUTES}}</td><td class="num" data-label="Messages">{{L_MESSAGES}}</td><td class="num" data-label="Poll votes">{{L_VOTES}}</td></tr>
{{/LEARNER}}</tbody>
</table>
</div>{{/LEARNERS}}
<nav class="pager" aria-label="Pages of learners">
{{#LEARNERS_PAGER}}{{#FIRST_PAGE}}<a href="{{URL}}#learners-heading">First learners</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}#learners-heading">More learners</a>{{/NEXT}}{{/LEARNERS_PAGER}}
</nav>
<p><a href="/platform/channels/{{CHANNEL_ID}}">Back to {{NAME}}</a></p>
