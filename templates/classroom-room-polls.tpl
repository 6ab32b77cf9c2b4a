{{%AUTOESCAPE context="HTML"}}{{#POLL}}<article class="poll" id="poll-{{POLL_ID}}">
<h3 class="poll-question">{{QUESTION}} {{#POLL_CLOSED}}<span class="badge off">Closed</span>{{/POLL_CLOSED}}{{#POLL_OPEN}}<span class="badge on">Open</span>{{/POLL_OPEN}}</h3>
{{#VOTE_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/polls/{{POLL_ID}}/vote#polls" class="vote-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CHOICE}}<label><input type="radio" name="option" value="{{IDX}}"> {{LABEL}}</label><br>
{{/CHOICE}}<button type="submit">Answer</button>
</form>{{/VOTE_FORM}}
{{#THANKS}}<p class="flash thanks">Thank you, your answer was recorded{{#MY_ANSWER}}: {{LABEL}}{{/MY_ANSWER}}.</p>{{/THANKS}}
{{#WAIT_RESULTS}}<p class="hint">The results are shown here when the moderator closes the poll.</p>{{/WAIT_RESULTS}}
{{#RESULTS}}<table class="list results">
<thead><tr><th>Answer</th><th>Votes</th><th>Share</th></tr></thead>
<tbody>
{{#RESULT}}<tr class="result" data-idx="{{IDX}}"><td data-label="Answer">{{LABEL}}</td><td data-label="Votes" class="votes">{{VOTES}}</td><td data-label="Share"><span class="pct">{{PCT}}%</span> <meter min="0" max="100" value="{{PCT}}">{{PCT}}%</meter></td></tr>
{{/RESULT}}</tbody>
</table>
<p class="hint total">{{TOTAL}} {{TOTAL_WORD}} in all.</p>{{/RESULTS}}
{{#CLOSE_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/polls/{{POLL_ID}}/close#polls" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">Close poll and show results</button>
</form>{{/CLOSE_FORM}}
</article>
{{/POLL}}{{#NO_POLLS}}<p class="muted" id="no-polls">No polls yet.</p>{{/NO_POLLS}}
