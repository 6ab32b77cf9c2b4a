{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add Schedule Rule</h1>{{/CREATE}}{{#EDIT}}<h1>Edit Schedule Rule</h1>
<p class="muted">Saving changes the future scheduled sessions of this rule; sessions moved or canceled by hand stay as they are.</p>{{/EDIT}}
<p>{{LEARNER}} · {{COURSE}} · <a href="/platform/enrollments/{{ID}}">Back to the enrollment</a></p>
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset id="days"><legend>Days of the week</legend>
{{#DAY}}<label><input type="checkbox" name="{{FIELD}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/DAY}}</fieldset>
{{#DAYS_ERROR}}<p class="error field" id="days-error">{{MESSAGE}}</p>{{/DAYS_ERROR}}
<label for="time">Time (HH:MM, {{ZONE}})</label>
<input id="time" name="time" type="time" required value="{{TIME_VALUE}}">
{{#TIME_ERROR}}<p class="error field" id="time-error">{{MESSAGE}}</p>{{/TIME_ERROR}}
<label for="length">Length (minutes)</label>
<input id="length" name="length" type="number" min="5" max="180" required value="{{LENGTH_VALUE}}">
{{#LENGTH_ERROR}}<p class="error field" id="length-error">{{MESSAGE}}</p>{{/LENGTH_ERROR}}
<label for="start_date">Start date</label>
<input id="start_date" name="start_date" type="date" required value="{{START_VALUE}}">
{{#START_ERROR}}<p class="error field" id="start_date-error">{{MESSAGE}}</p>{{/START_ERROR}}
<label for="end_date">End date (optional)</label>
<input id="end_date" name="end_date" type="date" value="{{END_VALUE}}">
{{#END_ERROR}}<p class="error field" id="end_date-error">{{MESSAGE}}</p>{{/END_ERROR}}
<button type="submit">Save rule</button>
</form>
