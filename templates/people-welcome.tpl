{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>Welcome, {{NAME}}</h1>
<p>Choose the password you will use to sign in as <strong>{{EMAIL}}</strong>.</p>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/welcome" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="t" value="{{TOKEN}}">
<label for="new_password">New password <span class="hint">(at least {{PASSWORD_MIN}} characters)</span></label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required minlength="{{PASSWORD_MIN}}" maxlength="{{PASSWORD_MAX}}">
<label for="confirm">Repeat the password</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="{{PASSWORD_MAX}}">
<button type="submit">Save password and sign in</button>
</form>
</section>
