{{%AUTOESCAPE context="HTML"}}<h1>Search sessions</h1>
<p class="muted">Finds words in the names, descriptions, chat and transcripts of the past classroom sessions you may see, newest session first.</p>
<form method="get" action="/platform/search" class="search" role="search" id="search-form">
<label for="q">Words to find</label>
<input id="q" name="q" type="search" maxlength="200" value="{{Q}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="q-error"{{/Q_ERROR}}>
{{#IN_CHANNEL}}<input type="hidden" name="channel" value="{{CHANNEL_ID}}">{{/IN_CHANNEL}}
<button type="submit">Search</button>
</form>
{{#Q_ERROR}}<p class="error field" id="q-error" role="alert">{{MESSAGE}}</p>{{/Q_ERROR}}
{{#IN_CHANNEL}}<p class="muted" id="search-scope">Only this channel's sessions{{#CHANNEL_NAMED}}: {{CHANNEL_NAME}}{{/CHANNEL_NAMED}}. <a href="{{EVERY_URL}}" id="search-everywhere">Search every classroom</a></p>{{/IN_CHANNEL}}
{{#NO_RESULTS}}<p id="no-results">No past session matches “{{Q}}”.</p>{{/NO_RESULTS}}
{{#NO_MORE}}<p id="no-more">No more results.</p>{{/NO_MORE}}
{{#RESULTS}}<ol class="search-results" id="results">
{{#RESULT}}<li class="card search-result" id="result-{{RESULT_KEY}}">
<p class="search-where"><span class="badge">{{WHERE}}</span> <a href="{{URL}}" class="search-link">{{SESSION_NAME}}</a></p>
<p class="muted">{{ROOM_NAME}} · {{DATE}}{{#AT_TIME}} · at {{CUE_AT}}{{/AT_TIME}}</p>
<p class="snippet">{{#WHO}}<strong>{{WHO_NAME}}</strong>: {{/WHO}}{{#PIECE}}{{TEXT}}{{#HIT}}<mark>{{WORD}}</mark>{{/HIT}}{{/PIECE}}</p>
</li>
{{/RESULT}}</ol>{{/RESULTS}}
<nav class="pager" aria-label="Pages">
{{#FIRST_PAGE}}<a href="{{URL}}" id="search-first">First results</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}" id="search-next">More results</a>{{/NEXT}}
</nav>
