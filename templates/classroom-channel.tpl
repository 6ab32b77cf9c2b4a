{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}{{#LIVE}} <span class="badge live" id="live-badge">LIVE</span>{{/LIVE}}</h1>
{{#DESCRIPTION}}<p class="pre muted" id="channel-description">{{DESCRIPTION_TEXT}}</p>{{/DESCRIPTION}}
<p class="muted">{{MEMBERS_TEXT}}{{#MANAGE}} · <a href="/admin/channels/{{CHANNEL_ID}}">Manage channel</a>{{/MANAGE}}</p>
{{#NOTICE}}<p class="notice" id="notice" role="alert">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#LIVE}}<section class="card live-session" id="live-session">
<h2>{{SESSION_NAME}}</h2>
<p class="muted">Started {{STARTED}}</p>
<div class="actions">
<form method="post" action="/platform/classroom/{{SESSION_ID}}/join" target="_blank" class="inline" id="join-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Join Session</button>
</form>
{{#CAN_END}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/end" class="inline" id="end-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">End Session</button>
</form>{{/CAN_END}}
</div>
<p class="hint">Join Session opens the classroom in a new tab. <a href="/platform/classroom/{{SESSION_ID}}" id="room-link">Room page</a> (chat, polls and slides) · <a href="/platform/classroom/{{SESSION_ID}}/summary">Session summary</a></p>
</section>{{/LIVE}}
{{#HERO}}<section class="hero" id="hero">
<h2>Ready to teach?</h2>
<p>No classroom session is active. Start one and every member of this channel can join it.</p>
<p><a class="button" href="/platform/channels/{{CHANNEL_ID}}/start" id="start-link">Start Classroom</a></p>
</section>{{/HERO}}
{{#WAITING}}<p class="notice" id="waiting">{{WAITING_TEXT}}</p>{{/WAITING}}
{{#ARCHIVED}}<p class="notice" id="archived">This channel is archived: no session can start in it.</p>{{/ARCHIVED}}
<h2 id="engagement-heading">Participation</h2>
{{#ANALYTICS}}<p><a href="/platform/channels/{{CHANNEL_ID}}/analytics" id="analytics-link">Channel analytics</a>: each learner's attendance, minutes, messages and poll votes across sessions.</p>{{/ANALYTICS}}
{{#NO_ENGAGEMENT}}<p class="muted" id="no-engagement">No session has ended yet, so there is nothing to chart.</p>{{/NO_ENGAGEMENT}}
{{#ENGAGEMENT}}<div class="charts" id="engagement" data-sessions="{{SESSIONS}}">
<figure class="chart">
<svg class="chart-bars" id="engagement-chart" role="img" aria-labelledby="engagement-title engagement-desc" viewBox="0 0 {{CHART_W}} 100" width="{{CHART_W}}" height="100">
<title id="engagement-title">Participants and minutes of the last {{SESSIONS}} sessions</title>
<desc id="engagement-desc">{{ENG_SUMMARY}} Bars: participants; line: minutes.</desc>
<line class="chart-axis" x1="4" y1="90" x2="{{CHART_W}}" y2="90"></line>
<text class="chart-label" x="4" y="10">Bars: participants · line: minutes</text>
{{#POINT}}<rect class="bar" x="{{POINT_X}}" y="{{POINT_Y}}" width="16" height="{{POINT_H}}"><title>{{POINT_DATE}}: {{POINT_BAR}} participants, {{POINT_LINE}} minutes</title></rect>
{{/POINT}}<polyline class="spark" points="{{SPARK_POINTS}}"></polyline>
{{#POINT}}<circle class="spark-dot" cx="{{DOT_X}}" cy="{{DOT_Y}}" r="3"></circle>
{{/POINT}}</svg>
<table class="chart-data" id="engagement-table">
<caption>Session by session, oldest first</caption>
<thead><tr><th scope="col">Started</th><th scope="col">Participants</th><th scope="col">Minutes</th></tr></thead>
<tbody>
{{#POINT}}<tr><td>{{POINT_DATE}}</td><td>{{POINT_BAR}}</td><td>{{POINT_LINE}}</td></tr>
{{/POINT}}</tbody>
</table>
</figure>
</div>{{/ENGAGEMENT}}
<h2 id="past-sessions">Past sessions</h2>
<form method="get" action="/platform/search" class="search" role="search" id="channel-search">
<label for="channel-q">Search this channel's past sessions</label>
<input type="hidden" name="channel" value="{{CHANNEL_ID}}">
<input id="channel-q" name="q" type="search" maxlength="200">
<button type="submit">Search</button>
</form>
{{#NO_PAST}}<p class="muted" id="no-past">No past sessions yet.</p>{{/NO_PAST}}
{{#NO_MORE_PAST}}<p class="muted">No more past sessions.</p>{{/NO_MORE_PAST}}
<ul class="past" id="past">
{{#PAST}}<li class="card past-session" id="past-{{SUMMARY_ID}}"><a class="past-link" href="/platform/classroom/{{SUMMARY_ID}}/summary">{{SESSION_NAME}}</a>
<p class="past-when"><span class="past-date">{{DATE}}</span> <span class="past-time">{{TIME}}</span> <span class="muted">({{ZONE}})</span> · <span class="past-duration">{{DURATION}}</span></p>
<p class="faces" role="group" aria-label="{{PARTICIPANTS}} participants">{{#FACE}}{{#FACE_PHOTO}}<img class="avatar" src="{{AVATAR_URL}}" alt="{{FACE_NAME}}" title="{{FACE_NAME}}" width="32" height="32">{{/FACE_PHOTO}}{{#FACE_INITIALS}}<span class="avatar {{AVATAR_CLASS}}" title="{{FACE_NAME}}" role="img" aria-label="{{FACE_NAME}}">{{INITIALS}}</span>{{/FACE_INITIALS}}{{/FACE}}{{#MORE_FACES}}<span class="avatar more">+{{MORE}}</span>{{/MORE_FACES}}{{#NOBODY}}<span class="muted">Nobody joined.</span>{{/NOBODY}}</p>
</li>
{{/PAST}}</ul>
<nav class="pager" aria-label="Pages of past sessions">
{{#PAST_PAGER}}{{#FIRST_PAGE}}<a href="{{URL}}#past-sessions">Newest sessions</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}#past-sessions">Older sessions</a>{{/NEXT}}{{/PAST_PAGER}}
</nav>
<p><a href="/platform/channels">All classrooms</a></p>
