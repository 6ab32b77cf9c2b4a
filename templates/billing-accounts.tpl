{{%AUTOESCAPE context="HTML"}}<h1>Token balances</h1>
<p>Tokens pay for group sessions. Open an account to see its ledger and to grant or deduct tokens.</p>
<dl class="facts">
<dt>School</dt><dd><a href="/admin/billing/school" id="school-account">{{SCHOOL_BALANCE}} tokens</a></dd>
</dl>
<h2>Learners</h2>
<form method="get" action="/admin/billing" class="search" role="search">
<label for="q">Search by name or email</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
<button type="submit">Search</button>
</form>
{{#NONE}}<p class="muted">There are no learners.</p>{{/NONE}}
{{#NO_MATCH}}<p>No learner matches “{{Q}}”. <a href="/admin/billing">Show everyone</a>.</p>{{/NO_MATCH}}
{{#ACCOUNTS}}<table class="list" id="accounts">
<thead><tr><th scope="col">Learner</th><th scope="col">Email</th><th scope="col">Balance</th></tr></thead>
<tbody>
{{#ACCOUNT}}<tr id="account-{{USER_ID}}"><td data-label="Learner"><a href="/admin/billing/learners/{{USER_ID}}">{{NAME}}</a></td><td data-label="Email">{{EMAIL}}</td><td data-label="Balance">{{BALANCE}}</td></tr>
{{/ACCOUNT}}</tbody>
</table>{{/ACCOUNTS}}
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
