{{%AUTOESCAPE context="HTML"}}<h1 id="confirm-title">Cancel “{{NAME}}”?</h1>
<p class="muted" id="confirm-when">{{STARTS}}</p>
<p class="notice" id="confirm-what">{{WHAT}}</p>
<form method="post" action="/platform/sessions/{{LIVE_ID}}/cancel" class="stack" id="confirm-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="confirm" value="1">
<label for="reason">Reason <span class="hint">(optional; the email gives it)</span></label>
<input id="reason" name="reason" maxlength="500" value="{{REASON}}">
<p class="actions"><button type="submit" class="danger" id="confirm-button">Cancel the lesson</button> <a href="/platform/sessions/{{LIVE_ID}}" id="confirm-back">Keep the lesson</a></p>
</form>
