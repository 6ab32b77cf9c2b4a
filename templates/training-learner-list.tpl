{{%AUTOESCAPE context="HTML"}}<h1>My sessions</h1>
{{#ADMIN_LINK}}<p class="actions"><a class="button secondary" href="/admin/sessions">All sessions</a></p>{{/ADMIN_LINK}}
{{#SECTION}}<section class="my-sessions" id="{{SECTION_ID}}" aria-labelledby="{{SECTION_ID}}-heading">
<h2 id="{{SECTION_ID}}-heading">{{HEADING}}</h2>
{{#EMPTY}}<p class="muted empty">{{MESSAGE}}</p>{{/EMPTY}}
{{#LIST}}<ul class="sessions">
{{#ITEM}}<li class="session-item" data-session="{{ID}}">{{#LINK}}<a href="/sessions/{{ID}}">{{NAME}}</a>{{/LINK}}{{#SHUT}}<span class="session-name">{{NAME}}</span>{{/SHUT}} <span class="dates">{{DATES}}</span> · <span class="days">{{DAYS}}</span>{{#SHUT}} · <span class="shut">{{SHUT_TEXT}}</span>{{/SHUT}}{{#ROLE}} <span class="badge on">{{LABEL}}</span>{{/ROLE}}{{#HIDDEN}} <span class="badge off">Hidden</span>{{/HIDDEN}}</li>
{{/ITEM}}</ul>{{/LIST}}
{{#MORE}}<p class="notice more">Only the first {{LIMIT}} are shown here.</p>{{/MORE}}
</section>
{{/SECTION}}
