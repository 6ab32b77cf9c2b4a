{{%AUTOESCAPE context="HTML"}}<h1>Your account</h1>
<dl class="facts">
<dt>Name</dt><dd>{{NAME}}</dd>
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Role</dt><dd>{{ROLE}}</dd>
</dl>
<section class="card" id="picture">
<h2 id="picture-heading">Picture</h2>
<p class="muted">Your picture is shown beside your name in classrooms and session summaries. Without one, your initials are shown.</p>
{{#AVATAR_SET}}<p class="avatar-current"><img class="avatar large" src="{{AVATAR_URL}}" alt="Your picture" width="128" height="128"></p>{{/AVATAR_SET}}
{{#AVATAR_NONE}}<p id="picture-status">You have no picture.</p>{{/AVATAR_NONE}}
{{#AVATAR_ERROR}}<p class="error" role="alert" id="picture-error">{{MESSAGE}}</p>{{/AVATAR_ERROR}}
<form method="post" action="/account/avatar" enctype="multipart/form-data" class="stack" aria-labelledby="picture-heading">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="picture-file">Choose a picture <span class="hint">(PNG or JPEG, at most {{AVATAR_MAX_MB}} MB; it is cropped to a square)</span></label>
<input id="picture-file" name="picture" type="file" accept="image/png,image/jpeg" required>
<button type="submit">Upload picture</button>
</form>
{{#AVATAR_SET}}<form method="post" action="/account/avatar/remove" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger" id="picture-remove">Remove picture</button>
</form>{{/AVATAR_SET}}
</section>
<section class="card">
<h2 id="password-heading">Change password</h2>
{{#TEMPORARY_PASSWORD}}<p class="notice">You are using a temporary password. Please choose your own before using Lectern.</p>{{/TEMPORARY_PASSWORD}}
{{#PASSWORD_ERROR}}<p class="error" role="alert" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<form method="post" action="/account/password" class="stack" aria-labelledby="password-heading">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="current">Current password</label>
<input id="current" name="current" type="password" autocomplete="current-password" required maxlength="{{PASSWORD_SIGNIN_MAX}}">
<label for="new_password">New password <span class="hint">(at least {{PASSWORD_MIN}} characters)</span></label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="{{PASSWORD_MIN}}" maxlength="{{PASSWORD_MAX}}">
<label for="confirm">Repeat the new password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="{{PASSWORD_MAX}}">
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
<section class="card" id="calendar">
<h2 id="calendar-heading">Calendar feed</h2>
<p class="muted">Subscribe to your live sessions from a calendar app (Thunderbird, Apple Calendar, Google Calendar and others) with a private address. Anyone who has the address can read your schedule, so keep it to yourself.</p>
{{#CAL_NEW}}<div class="notice secret" role="status">
<p>Your calendar address, shown only this once. Copy it into your calendar app now:</p>
<p><code class="link-text" id="calendar-url">{{CAL_URL}}</code></p>
</div>{{/CAL_NEW}}
{{#CAL_ACTIVE}}<p id="calendar-status">Your calendar address was made on {{CAL_CREATED}}. If you lost it, make a new one: the old one stops working at once.</p>
<div class="actions">
<form method="post" action="/account/calendar" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary" id="calendar-reset">Reset address</button>
</form>
<form method="post" action="/account/calendar/revoke" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger" id="calendar-revoke">Revoke address</button>
</form>
</div>{{/CAL_ACTIVE}}
{{#CAL_NONE}}<p id="calendar-status">You have no calendar address.</p>
<form method="post" action="/account/calendar" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" id="calendar-create">Create calendar address</button>
</form>{{/CAL_NONE}}
</section>
