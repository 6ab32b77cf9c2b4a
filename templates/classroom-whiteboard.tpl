{{%AUTOESCAPE context="HTML"}}{{#BOARD}}<h1>Whiteboard: {{DOC_TITLE}}</h1>
<p class="muted">{{NAME}} · Added {{DOC_AT}} by {{DOC_BY}} · <a href="/platform/classroom/{{SESSION_ID}}/summary#whiteboards" id="summary-link">Session summary</a></p>
<figure class="whiteboard" id="whiteboard-{{DOC_ID}}">
<img src="{{DOC_URL}}/image" alt="Whiteboard: {{DOC_TITLE}}">
<figcaption><a href="{{DOC_URL}}/image" id="whiteboard-image">Open the picture</a> <span class="muted">(JPEG, {{DOC_SIZE}})</span></figcaption>
</figure>{{/BOARD}}
