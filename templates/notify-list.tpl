{{%AUTOESCAPE context="HTML"}}<h1>Notifications</h1>
{{#READ_ALL}}<form method="post" action="/notifications/read-all" class="actions" id="read-all-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary" id="read-all">Mark all as read</button>
</form>{{/READ_ALL}}
{{#EMPTY}}<p class="muted" id="no-notifications">You have no notifications.</p>{{/EMPTY}}
{{#NO_OLDER}}<p class="muted" id="no-notifications">No older notifications.</p>{{/NO_OLDER}}
<ul class="notifications" id="notification-list">
{{#ITEM}}<li class="notification{{#ITEM_UNREAD}} unread{{/ITEM_UNREAD}}" id="notification-{{ID}}" data-kind="{{KIND}}">
<form method="post" action="/notifications/{{ID}}/read">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#KEEP_PAGE}}<input type="hidden" name="after_id" value="{{AFTER_ID}}">{{/KEEP_PAGE}}
<h2 class="subject">{{#ITEM_UNREAD}}<strong class="badge new">New</strong> {{/ITEM_UNREAD}}{{#OPEN_BUTTON}}<button type="submit" name="open" value="1" class="link open">{{SUBJECT}}</button>{{/OPEN_BUTTON}}{{#SUBJECT_LINK}}<a href="{{LINK}}">{{SUBJECT}}</a>{{/SUBJECT_LINK}}{{#PLAIN_SUBJECT}}{{SUBJECT}}{{/PLAIN_SUBJECT}}</h2>
<p class="body">{{BODY}}</p>
<p class="meta"><span class="muted">{{WHEN}}</span>{{#ITEM_UNREAD}} <button type="submit" class="link mark-read">Mark as read</button>{{/ITEM_UNREAD}}</p>
</form>
</li>
{{/ITEM}}</ul>
<nav class="pager">{{#FIRST_PAGE}}<a href="{{URL}}" id="newest-page">Newest</a>{{/FIRST_PAGE}}{{#NEXT}}<a href="{{URL}}" id="next-page">Older notifications</a>{{/NEXT}}</nav>
