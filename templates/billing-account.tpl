{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#ADMIN_BACK}}<p><a href="/admin/billing">All token balances</a></p>{{/ADMIN_BACK}}
<dl class="facts" id="balance">
<dt>Balance</dt><dd><strong id="balance-value">{{BALANCE}}</strong> tokens</dd>
{{#WHO}}<dt>Learner</dt><dd>{{NAME}} ({{EMAIL}})</dd>{{/WHO}}
</dl>
{{#LEARNER_HINT}}<p class="muted">Tokens pay for group sessions: each one you attend costs what its teacher set, charged once when the attendance is saved. Every change to your balance is listed here with its reason.</p>{{/LEARNER_HINT}}
{{#CHANGE_FORM}}<h2>Grant or deduct tokens</h2>
<form method="post" action="{{ACTION}}" class="stack" id="change-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>Change</legend>
<label><input type="radio" name="direction" value="grant"{{#GRANT_CHECKED}} checked{{/GRANT_CHECKED}}> Grant (add)</label>
<label><input type="radio" name="direction" value="deduct"{{#DEDUCT_CHECKED}} checked{{/DEDUCT_CHECKED}}> Deduct (take away)</label>
{{#DIRECTION_ERROR}}<p class="error field" id="direction-error">{{MESSAGE}}</p>{{/DIRECTION_ERROR}}
</fieldset>
<label for="amount">Tokens <span class="hint">(a whole number, 1 to {{CHANGE_MAX}})</span></label>
<input id="amount" name="amount" type="number" min="1" max="{{CHANGE_MAX}}" required value="{{AMOUNT_VALUE}}">
{{#AMOUNT_ERROR}}<p class="error field" id="amount-error">{{MESSAGE}}</p>{{/AMOUNT_ERROR}}
<label for="note">Reason <span class="hint">(shown in the ledger, at most 200 characters)</span></label>
<input id="note" name="note" maxlength="200" required value="{{NOTE_VALUE}}">
{{#NOTE_ERROR}}<p class="error field" id="note-error">{{MESSAGE}}</p>{{/NOTE_ERROR}}
<button type="submit">Save</button>
</form>{{/CHANGE_FORM}}
<h2>Ledger</h2>
{{#EMPTY}}<p class="muted" id="no-entries">No changes yet.</p>{{/EMPTY}}
{{#ENTRIES}}<table class="list" id="ledger">
<thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">Balance after</th><th scope="col">Reason</th></tr></thead>
<tbody>
{{#ENTRY}}<tr id="entry-{{ID}}" data-reason="{{REASON_WORD}}"><td data-label="When">{{WHEN}}</td><td data-label="Change">{{AMOUNT}}</td><td data-label="Balance after">{{AFTER}}</td><td data-label="Reason">{{REASON}}{{#LESSON}}: <a href="/platform/sessions/{{SESSION_ID}}">{{SESSION_NAME}}</a> <span class="muted">{{SESSION_START}}</span>{{/LESSON}}{{#NOTE}}: {{TEXT}}{{/NOTE}}{{#BY}} <span class="muted">({{BY_NAME}})</span>{{/BY}}</td></tr>
{{/ENTRY}}</tbody>
</table>{{/ENTRIES}}
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">Newest</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}" id="older-entries">Older entries</a>{{/NEXT}}
</nav>
