{{%AUTOESCAPE context="HTML"}}<h1>Schedule</h1>
<p class="muted" id="zone-line">{{ZONE_LINE}}</p>
<p class="actions">{{#CAN_CREATE}}<a class="button" href="/platform/sessions/new" id="create-session">Create Session</a> {{/CAN_CREATE}}<a class="button secondary" href="{{LIST_URL}}" id="list-link">Upcoming list</a></p>
{{#FILTER}}<form method="get" action="/platform/schedule" class="inline" id="teacher-filter">
{{#WEEK_KEEP}}<input type="hidden" name="week" value="{{WEEK}}">{{/WEEK_KEEP}}
<input type="hidden" name="view" value="{{VIEW}}">
<label for="teacher">Teacher</label>
<select id="teacher" name="teacher">
<option value="">All teachers</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
<button type="submit">Filter</button>
</form>{{/FILTER}}
{{#WEEK_VIEW}}<h2 id="week-range">Week of {{MONDAY}} to {{SUNDAY}}</h2>
<nav class="pager" id="week-nav"><a href="{{PREV_URL}}" id="prev-week">Previous week</a> <a href="{{TODAY_URL}}" id="this-week">Today</a> <a href="{{NEXT_URL}}" id="next-week">Next week</a></nav>
{{#DAY}}<section class="card day" id="day-{{DATE}}">
<h3>{{DAY_NAME}} {{DATE}}</h3>
{{#NO_LIVE}}<p class="muted">No sessions.</p>{{/NO_LIVE}}
<ul class="sessions">
{{#ITEM}}<li class="live-session {{STATUS_VALUE}}" id="live-{{LIVE_ID}}"><span class="time">{{START}}–{{END}}</span> <a href="/platform/sessions/{{LIVE_ID}}">{{NAME}}</a> <span class="meeting">{{MEETING}}</span> <span class="status">{{STATUS}}</span>{{#CANCELED}} <strong class="canceled">(canceled)</strong>{{/CANCELED}} <span class="muted">{{TEACHER_NAME}}, {{PARTICIPANTS}} participant(s)</span></li>
{{/ITEM}}</ul>
</section>
{{/DAY}}{{/WEEK_VIEW}}
{{#LIST_VIEW}}<h2>Upcoming sessions</h2>
<p><a href="{{WEEK_URL}}" id="week-link">Week view</a></p>
{{#EMPTY}}<p class="muted" id="no-sessions">No upcoming sessions.</p>{{/EMPTY}}
<table class="list" id="session-list">
<thead><tr><th>Date</th><th>Time</th><th>Session</th><th>Meeting type</th><th>Status</th><th>Teacher</th><th>Participants</th></tr></thead>
<tbody>
{{#ROW}}<tr class="live-session {{STATUS_VALUE}}" id="live-{{LIVE_ID}}"><td>{{DAY}}</td><td>{{START}}–{{END}}</td><td><a href="/platform/sessions/{{LIVE_ID}}">{{NAME}}</a></td><td>{{MEETING}}</td><td>{{STATUS}}{{#CANCELED}} <strong class="canceled">(canceled)</strong>{{/CANCELED}}</td><td>{{TEACHER_NAME}}</td><td>{{PARTICIPANTS}}</td></tr>
{{/ROW}}</tbody>
</table>
<nav class="pager">{{#FIRST_PAGE}}<a href="{{URL}}" id="first-page">First page</a>{{/FIRST_PAGE}}{{#NEXT}} <a href="{{URL}}" id="next-page">Next page</a>{{/NEXT}}</nav>
{{/LIST_VIEW}}
