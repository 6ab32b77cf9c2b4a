{{%AUTOESCAPE context="HTML"}}<h1>Your account</h1>
<dl class="facts">
<dt>Name</dt><dd>{{NAME}}</dd>
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd>{{ROLE}}</dd>
</dl>
<section class="card">
<h2 id="password-heading">Change password</h2>
{{#TEMPORARY_PASSWORD}}<p class="notice">You are using a temporary password. Please choose your own.</p>{{/TEMPORARY_PASSWORD}}
{{#PASSWORD_ERROR}}<p class="error" role="alert" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<form method="post" action="/account/password" class="stack" aria-labelledby="password-heading">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="current">Current password</label>
<input id="current" name="current" type="password" autocomplete="current-password" required maxlength="1024">
<label for="new_password">New password <span class="hint">(at least 10 characters)</span></label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="10" maxlength="128">
<label for="confirm">Repeat the new password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="128">
<button type="submit">Change password</button>
</form>
</section>
<section class="card">
<h2 id="tz-heading">Timezone</h2>
<p class="muted">Times are shown to you in this timezone.</p>
{{#TIMEZONE_ERROR}}<p class="error" role="alert" id="timezone-error">{{MESSAGE}}</p>{{/TIMEZONE_ERROR}}
<form method="post" action="/account/timezone" class="stack" aria-labelledby="tz-heading">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="timezone">Timezone</label>
<select id="timezone" name="timezone">
<option value=""{{#SCHOOL_DEFAULT_SELECTED}} selected{{/SCHOOL_DEFAULT_SELECTED}}>School default ({{SCHOOL_TIMEZONE}})</option>
{{#TZ}}<option{{#SELECTED}} selected{{/SELECTED}}>{{ZONE}}</option>
{{/TZ}}</select>
<button type="submit">Save timezone</button>
</form>
</section>
