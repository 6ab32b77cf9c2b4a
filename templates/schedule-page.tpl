{{%AUTOESCAPE context="HTML"}}<h1>Schedule</h1>
<p class="muted" id="zone-line">{{ZONE_LINE}}</p>
<p class="actions">{{#CAN_CREATE}}<a class="button" href="/platform/sessions/new" id="create-session">Create Session</a> {{/CAN_CREATE}}<a class="button secondary" href="{{LIST_URL}}" id="list-link">Upcoming list</a></p>
{{#FILTER}}<form method="get" action="/platform/schedule" class="inline" id="teacher-filter">
{{#WEEK_KEEP}}<input type="hidden" name="week" value="{{WEEK}}">{{/WEEK_KEEP}}
{{#MONTH_KEEP}}<input type="hidden" name="month" value="{{MONTH}}">{{/MONTH_KEEP}}
<input type="hidden" name="view" value="{{VIEW}}">
<label for="teacher">Teacher</label>
<select id="teacher" name="teacher">
<option value="">All teachers</option>
{{#TEACHER_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TEACHER_OPT}}</select>
<button type="submit">Filter</button>
</form>{{/FILTER}}
{{#WEEK_VIEW}}<h2 id="week-range">Week of {{MONDAY}} to {{SUNDAY}}</h2>
<nav class="pager cal-nav" id="week-nav" aria-label="Weeks"><a href="{{PREV_URL}}" id="prev-week">Previous week</a> <a href="{{TODAY_URL}}" id="this-week">Today</a> <a href="{{NEXT_URL}}" id="next-week">Next week</a> <a href="{{MONTH_URL}}" id="month-link">Month view</a></nav>
{{#NO_WEEK}}<p class="muted" id="no-week">No sessions this week.</p>
{{/NO_WEEK}}<div class="cal" id="week-grid">
<div class="cal-hours" aria-hidden="true"><p class="cal-zone">{{ZONE_ABBR}}</p>
<ol class="cal-rows hrs-{{HOURS}}">
{{#HOUR}}<li class="r-{{HOUR_ROW}} s-4">{{HOUR_LABEL}}</li>
{{/HOUR}}</ol></div>
{{#DAY}}<section class="cal-day{{#TODAY}} today{{/TODAY}}{{#EMPTY}} empty{{/EMPTY}}" aria-labelledby="head-{{DATE}}" id="day-{{DATE}}">
<h3 class="cal-head" id="head-{{DATE}}"><span class="cal-dow">{{DAY_NAME}}</span> <span class="cal-date">{{DATE}}</span>{{#TODAY}} <strong class="cal-today" aria-current="date">Today</strong>{{/TODAY}}</h3>
{{#ITEMS}}<ul class="sessions cal-rows lanes-{{LANES}}">
{{#ITEM}}<li class="live-session {{STATUS_VALUE}} cal-item {{PLACE}}" id="live-{{LIVE_ID}}"><span class="time">{{START}}–{{END}}</span> <a href="/platform/sessions/{{LIVE_ID}}">{{NAME}}</a> <span class="meeting">{{MEETING}}</span> <span class="status">{{STATUS}}</span>{{#CANCELED}} <strong class="canceled">(canceled)</strong>{{/CANCELED}} <span class="muted">{{TEACHER_NAME}}, {{PARTICIPANTS}} participant(s)</span></li>
{{/ITEM}}</ul>
{{/ITEMS}}</section>
{{/DAY}}</div>
{{/WEEK_VIEW}}
{{#MONTH_VIEW}}<h2 id="month-name">{{MONTH_NAME}}</h2>
<nav class="pager cal-nav" id="month-nav" aria-label="Months"><a href="{{PREV_URL}}" id="prev-month">Previous month</a> <a href="{{THIS_URL}}" id="this-month">This month</a> <a href="{{NEXT_URL}}" id="next-month">Next month</a> <a href="{{WEEK_URL}}" id="week-view-link">Week view</a></nav>
<table class="cal-month" id="month-grid">
<caption>Lessons per day, {{MONTH_NAME}} (canceled ones not counted); a day opens its week.</caption>
<thead><tr><th scope="col"><abbr title="Monday">Mon</abbr></th><th scope="col"><abbr title="Tuesday">Tue</abbr></th><th scope="col"><abbr title="Wednesday">Wed</abbr></th><th scope="col"><abbr title="Thursday">Thu</abbr></th><th scope="col"><abbr title="Friday">Fri</abbr></th><th scope="col"><abbr title="Saturday">Sat</abbr></th><th scope="col"><abbr title="Sunday">Sun</abbr></th></tr></thead>
<tbody>
{{#MONTH_WEEK}}<tr>{{#CELL}}<td class="cal-cell{{#OUTSIDE}} outside{{/OUTSIDE}}{{#TODAY}} today{{/TODAY}}{{#COUNT}} busy{{/COUNT}}" id="month-{{DATE}}"><a href="{{CELL_URL}}"{{#TODAY}} aria-current="date"{{/TODAY}}><span class="cal-num"><span class="cal-sr">{{DAY_NAME}} {{DATE}}</span><span aria-hidden="true">{{DAY_NUM}}</span></span>{{#COUNT}} <span class="cal-count">{{LESSONS}}<span class="cal-word"> {{WORD}}</span></span>{{/COUNT}}</a></td>{{/CELL}}</tr>
{{/MONTH_WEEK}}</tbody>
</table>
{{/MONTH_VIEW}}
{{#LIST_VIEW}}<h2>Upcoming sessions</h2>
<p><a href="{{WEEK_URL}}" id="week-link">Week view</a> · <a href="{{MONTH_URL}}" id="month-link">Month view</a></p>
{{#EMPTY}}<p class="muted" id="no-sessions">No upcoming sessions.</p>{{/EMPTY}}
<table class="list" id="session-list">
<thead><tr><th>Date</th><th>Time</th><th>Session</th><th>Meeting type</th><th>Status</th><th>Teacher</th><th>Participants</th></tr></thead>
<tbody>
{{#ROW}}<tr class="live-session {{STATUS_VALUE}}" id="live-{{LIVE_ID}}"><td data-label="Date">{{DAY}}</td><td data-label="Time">{{START}}–{{END}}</td><td data-label="Session"><a href="/platform/sessions/{{LIVE_ID}}">{{NAME}}</a></td><td data-label="Meeting type">{{MEETING}}</td><td data-label="Status">{{STATUS}}{{#CANCELED}} <strong class="canceled">(canceled)</strong>{{/CANCELED}}</td><td data-label="Teacher">{{TEACHER_NAME}}</td><td data-label="Participants">{{PARTICIPANTS}}</td></tr>
{{/ROW}}</tbody>
</table>
<nav class="pager">{{#FIRST_PAGE}}<a href="{{URL}}" id="first-page">First page</a>{{/FIRST_PAGE}}{{#NEXT}} <a href="{{URL}}" id="next-page">Next page</a>{{/NEXT}}</nav>
{{/LIST_VIEW}}
