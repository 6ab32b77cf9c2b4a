{{%AUTOESCAPE context="HTML"}}<h1>Channels</h1>
<p class="muted">A classroom channel is a room with members. Its channel admins start live classroom sessions there; every member can join them and review past sessions.</p>
<p class="actions"><a class="button" href="/admin/channels/new">Add a channel</a></p>
<form method="get" action="/admin/channels" class="search" role="search">
<label for="q">Search by name</label>
<input id="q" name="q" type="search" maxlength="100" value="{{Q}}">
<button type="submit">Search</button>
</form>
{{#NO_CHANNELS}}<p>There are no channels yet.</p>{{/NO_CHANNELS}}
{{#NO_MATCH}}<p>No channel matches “{{Q}}”. <a href="/admin/channels">Show every channel</a>.</p>{{/NO_MATCH}}
<table class="list" id="channels">
<thead><tr><th scope="col">Name</th><th scope="col">Members</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#CHANNEL}}<tr id="channel-{{ID}}"><td data-label="Name"><a href="/admin/channels/{{ID}}">{{NAME}}</a></td><td data-label="Members" class="members">{{MEMBERS}}</td><td data-label="Status">{{#LIVE}}<span class="badge live">LIVE</span> {{/LIVE}}{{#ARCHIVED}}<span class="badge off">Archived</span>{{/ARCHIVED}}</td></tr>
{{/CHANNEL}}</tbody>
</table>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
