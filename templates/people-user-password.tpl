{{%AUTOESCAPE context="HTML"}}<h1>{{#CREATED}}User added{{/CREATED}}{{#RESET}}Password reset{{/RESET}}</h1>
<p>Give this temporary password to <strong>{{NAME}}</strong> ({{EMAIL}}). It is shown only this once; they will be asked to choose their own after signing in.</p>
<p class="secret"><code id="temporary-password">{{PASSWORD}}</code></p>
<p><a href="/admin/users/{{USER_ID}}">Back to the user</a> · <a href="/admin/users">All users</a></p>
