{{%AUTOESCAPE context="HTML"}}{{#CREATE}}<h1>Add a user</h1>
<p class="muted">The new user gets a temporary password, shown once after saving.</p>{{/CREATE}}
{{#EDIT}}<h1>Edit user</h1>
<p class="muted">Account created {{CREATED}} (UTC). {{#IS_ACTIVE}}<span class="badge on">Active</span>{{/IS_ACTIVE}}{{#IS_DISABLED}}<span class="badge off">Disabled</span>{{/IS_DISABLED}}{{#NO_PASSWORD}} <span class="badge">No password chosen yet</span>{{/NO_PASSWORD}}</p>{{/EDIT}}
{{#FORM_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
<form method="post" action="{{ACTION}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" required maxlength="100" value="{{NAME_VALUE}}">
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="email">Email</label>
<input id="email" name="email" type="email" required maxlength="254" value="{{EMAIL_VALUE}}">
{{#EMAIL_ERROR}}<p class="error field" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<label for="role">Role</label>
<select id="role" name="role">
{{#ROLE_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPT}}</select>
{{#ROLE_ERROR}}<p class="error field" id="role-error">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<label for="timezone">Timezone</label>
<select id="timezone" name="timezone">
<option value=""{{#SCHOOL_DEFAULT_SELECTED}} selected{{/SCHOOL_DEFAULT_SELECTED}}>School default ({{SCHOOL_TIMEZONE}})</option>
{{#TZ}}<option{{#SELECTED}} selected{{/SELECTED}}>{{ZONE}}</option>
{{/TZ}}</select>
{{#TIMEZONE_ERROR}}<p class="error field" id="timezone-error">{{MESSAGE}}</p>{{/TIMEZONE_ERROR}}
<button type="submit">Save</button>
</form>
{{#EDIT}}
<section class="card">
<h2>Access</h2>
<form method="post" action="/admin/users/{{USER_ID}}/password" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">Reset password</button>
</form>
{{#IS_ACTIVE}}<form method="post" action="/admin/users/{{USER_ID}}/disable" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger">Disable account</button>
</form>{{/IS_ACTIVE}}
{{#IS_DISABLED}}<form method="post" action="/admin/users/{{USER_ID}}/enable" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Enable account</button>
</form>{{/IS_DISABLED}}
<p class="muted">Resetting the password or disabling the account signs the user out everywhere.</p>
</section>
{{/EDIT}}
<p><a href="/admin/users">Back to users</a></p>
