{{%AUTOESCAPE context="HTML"}}{{#MSG}}<li class="msg" id="msg-{{MSG_ID}}" data-id="{{MSG_ID}}"><span class="msg-head"><span class="msg-author">{{AUTHOR}}</span> <time class="hint" datetime="{{WHEN_ISO}}">{{WHEN}}</time></span> <span class="msg-body">{{BODY}}</span></li>
{{/MSG}}
