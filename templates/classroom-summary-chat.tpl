{{%AUTOESCAPE context="HTML"}}<h1>Chat: {{NAME}}</h1>
<p class="muted">Started {{STARTED}} · <a href="/platform/classroom/{{SESSION_ID}}/summary" id="summary-link">Session summary</a></p>
<section class="card" id="chat">
<h2>Chat</h2>
{{#NO_CHAT}}<p class="muted">No chat messages.</p>{{/NO_CHAT}}
{{#NO_MORE}}<p class="muted">No more messages.</p>{{/NO_MORE}}
<ol class="chat">
{{#CHAT}}<li id="chat-{{CHAT_ID}}"><span class="muted">{{CHAT_AT}}</span> <strong>{{CHAT_NAME}}</strong>: <span class="pre">{{CHAT_BODY}}</span></li>
{{/CHAT}}</ol>
<p class="pager">{{#FIRST_PAGE}}<a href="{{URL}}" id="chat-first">First messages</a>{{/FIRST_PAGE}}
{{#NEXT}}<a rel="next" href="{{URL}}" id="chat-next">Next messages</a>{{/NEXT}}</p>
{{#CHAT_DOWNLOAD}}<p><a href="/platform/classroom/{{SESSION_ID}}/summary/chat/download" id="chat-download" download>Download chat</a> <span class="hint">(a text file of every message)</span></p>{{/CHAT_DOWNLOAD}}
</section>
<p><a href="/platform/classroom/{{SESSION_ID}}/summary">Back to the summary</a></p>
