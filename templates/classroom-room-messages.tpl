{{%AUTOESCAPE context="HTML"}}{{#MSG}}<li id="msg-{{MSG_ID}}" role="none"><b>{{AUTHOR}}</b> <time datetime="{{WHEN_ISO}}">{{WHEN}}</time> {{BODY}}</li>
{{/MSG}}
