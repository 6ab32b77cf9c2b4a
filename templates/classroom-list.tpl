{{%AUTOESCAPE context="HTML"}}<h1>Classrooms</h1>
<form method="get" action="/platform/search" class="search" role="search" id="classroom-search">
<label for="q">Search past sessions (names, chat, transcripts)</label>
<input id="q" name="q" type="search" maxlength="200">
<button type="submit">Search</button>
</form>
{{#SITE_ADMIN}}<p class="muted">As a site administrator you see every channel. <a href="/admin/channels">Manage channels</a></p>{{/SITE_ADMIN}}
{{#NONE}}<p id="no-channels">You are not a member of any classroom channel yet.</p>{{/NONE}}
{{#NO_MORE}}<p>No more classrooms.</p>{{/NO_MORE}}
<ul class="channels" id="channels">
{{#CHANNEL}}<li class="card channel" id="channel-{{ID}}"><a class="channel-name" href="/platform/channels/{{ID}}">{{NAME}}</a> {{#LIVE}}<span class="badge live" title="{{SESSION_NAME}}">LIVE</span>{{/LIVE}} {{#CHANNEL_ADMIN}}<span class="badge">Channel admin</span>{{/CHANNEL_ADMIN}}
{{#DESCRIPTION}}<p class="muted">{{DESCRIPTION_TEXT}}</p>{{/DESCRIPTION}}</li>
{{/CHANNEL}}</ul>
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}">First page</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}">Next page</a>{{/NEXT}}
</nav>
