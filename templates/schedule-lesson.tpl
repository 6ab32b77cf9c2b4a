{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<p class="muted" id="zone-line">{{ZONE_LINE}}</p>
{{#JOIN}}<p class="notice" id="join-line">{{JOIN_LINE}}</p>
{{#CAN_JOIN}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/join" target="_blank" class="inline" id="join-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Join Session</button>
</form>{{/CAN_JOIN}}{{/JOIN}}
{{#ROOM}}<p id="room-line"><span class="badge live">LIVE</span> The classroom is open. <a href="/platform/classroom/{{ROOM_ID}}" id="room-link">Room page</a> · <a href="/platform/classroom/{{ROOM_ID}}/summary">Session summary</a></p>{{/ROOM}}
<dl class="facts">
<dt>Course</dt><dd id="course">{{COURSE}}</dd>
{{#LESSON}}<dt>Course Lesson</dt><dd id="lesson">{{LESSON_TITLE}}</dd>{{/LESSON}}
<dt>Teacher</dt><dd id="teacher">{{TEACHER_NAME}}</dd>
<dt>Starts</dt><dd id="starts">{{STARTS}}</dd>
<dt>Ends</dt><dd id="ends">{{ENDS}}</dd>
<dt>Duration</dt><dd id="duration">{{DURATION}} minutes</dd>
<dt>Meeting Type</dt><dd id="meeting">{{MEETING}}</dd>
{{#COST}}<dt>Cost per participant</dt><dd id="cost">{{COST_TOKENS}} tokens, charged to each learner present when the attendance is saved</dd>{{/COST}}
<dt>Status</dt><dd id="status" data-status="{{STATUS_VALUE}}">{{STATUS}}</dd>
{{#CANCEL_REASON}}<dt>Cancel reason</dt><dd id="cancel-reason">{{REASON}}</dd>{{/CANCEL_REASON}}
</dl>
{{#NOTES}}<h2>Notes</h2>
<p class="pre" id="notes">{{NOTES_TEXT}}</p>{{/NOTES}}
<h2>Participants</h2>
<ul id="participants">
{{#PARTICIPANT}}<li id="participant-{{LEARNER_ID}}">{{LEARNER_NAME}} <span class="attendance">{{ATTENDANCE}}</span>{{#TOKENS}} <span class="muted tokens">balance {{BALANCE}} tokens{{#CHARGED}}, charged{{/CHARGED}}{{#UNPAID}}, not charged (balance too low){{/UNPAID}}</span>{{/TOKENS}}</li>
{{/PARTICIPANT}}</ul>
{{>INSTANT}}
{{>FEEDBACK}}
{{#SESSION_NOTES}}<h2>Session notes</h2>
<p class="pre" id="session-notes">{{SESSION_NOTES_TEXT}}</p>{{/SESSION_NOTES}}
<p class="actions">{{#CAN_EDIT}}<a class="button secondary" href="/platform/sessions/{{LIVE_ID}}/edit" id="edit-link">Edit</a>{{/CAN_EDIT}}</p>
{{#CAN_START}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/start" class="inline" id="start-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Start Session</button>
</form>{{/CAN_START}}
{{#CAN_COMPLETE}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/complete" class="inline" id="complete-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Mark as Completed</button>
</form>{{/CAN_COMPLETE}}
{{#CAN_CANCEL}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/cancel" class="stack" id="cancel-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="reason">Reason <span class="hint">(optional)</span></label>
<input id="reason" name="reason" maxlength="500">
<button type="submit" class="danger">Cancel</button>
</form>{{/CAN_CANCEL}}
{{#ATTENDANCE_FORM}}<h2>Attendance</h2>
<form method="post" action="/platform/sessions/{{LIVE_ID}}/attendance" class="stack" id="attendance-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<table class="list">
<thead><tr><th>Learner</th><th>Attendance</th></tr></thead>
<tbody>
{{#ATT_ROW}}<tr><td data-label="Learner">{{LEARNER_NAME}}</td><td data-label="Attendance">{{#ATT_OPT}}<label><input type="radio" name="att_{{LEARNER_ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label> {{/ATT_OPT}}</td></tr>
{{/ATT_ROW}}</tbody>
</table>
<label for="session_notes">Session notes</label>
<textarea id="session_notes" name="session_notes" rows="4" maxlength="5000">{{SESSION_NOTES_VALUE}}</textarea>
<button type="submit">Save attendance</button>
</form>{{/ATTENDANCE_FORM}}
{{#CLASSROOM_PAST}}<p class="classroom-past">Classroom of {{PAST_STARTED}}, {{PAST_PEOPLE}} participants: <a href="/platform/classroom/{{SUMMARY_ID}}/summary">Session summary</a></p>
{{/CLASSROOM_PAST}}<h2>Status history</h2>
<table class="list" id="status-log">
<thead><tr><th>When</th><th>From</th><th>To</th><th>By</th><th>Reason</th></tr></thead>
<tbody>
{{#LOG}}<tr><td data-label="When">{{WHEN}}</td><td data-label="From">{{FROM}}</td><td data-label="To">{{TO}}</td><td data-label="By">{{WHO}}</td><td data-label="Reason">{{#LOG_REASON}}{{REASON}}{{/LOG_REASON}}</td></tr>
{{/LOG}}</tbody>
</table>
