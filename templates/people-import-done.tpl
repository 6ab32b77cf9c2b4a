{{%AUTOESCAPE context="HTML"}}<h1>Users imported</h1>
<p>{{COUNT}} users were created. Send each person their link: it lets them choose a password, works once, and expires in {{DAYS}} days. The links are shown only on this page.</p>
<table class="list" id="imported">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sign-in link</th></tr></thead>
<tbody>
{{#ROW}}<tr><td data-label="Name">{{NAME}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Role">{{ROLE}}</td><td data-label="Sign-in link"><code class="link-text">{{LINK}}</code></td></tr>
{{/ROW}}</tbody>
</table>
<p><a href="/admin/users">All users</a></p>
