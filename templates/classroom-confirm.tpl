{{%AUTOESCAPE context="HTML"}}<h1 id="confirm-title">{{TITLE}}</h1>
<p class="notice" id="confirm-what">{{WHAT}}</p>
<form method="post" action="{{ACTION}}" class="actions" id="confirm-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="confirm" value="1">
<button type="submit" class="danger" id="confirm-button">{{BUTTON}}</button>
<a href="{{BACK}}" id="confirm-back">{{BACK_TEXT}}</a>
</form>
