{{%AUTOESCAPE context="HTML"}}<section class="narrow">
<h1>Sign in</h1>
{{#SIGNED_OUT}}<p class="flash" role="status">You are signed out.</p>{{/SIGNED_OUT}}
{{#ERROR}}<p class="error" role="alert" id="login-error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/login" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="{{EMAIL_VALUE}}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="{{PASSWORD_SIGNIN_MAX}}">
<button type="submit">Sign in</button>
</form>
<p class="muted">Forgot your password? Ask your school's administrator to reset it.</p>
</section>
