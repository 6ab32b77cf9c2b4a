{{%AUTOESCAPE context="HTML"}}{{#MSG}}<li id="msg-{{MSG_ID}}"><b>{{AUTHOR}}</b> <time datetime="{{WHEN_ISO}}">{{WHEN}}</time> {{BODY}}</li>
{{/MSG}}
