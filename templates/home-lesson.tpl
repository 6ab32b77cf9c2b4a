{{%AUTOESCAPE context="HTML"}}<li class="dash-item lesson" id="home-live-{{LIVE_ID}}" data-status="{{STATUS_VALUE}}"><span class="when">{{#DAY}}<span class="day">{{DAY_LABEL}}</span> {{/DAY}}<span class="time">{{START}}–{{END}}</span></span> <a href="/platform/sessions/{{LIVE_ID}}" class="item-name">{{NAME}}</a>
<span class="muted">{{WHO}}</span>{{#BADGE}} <span class="badge{{#ACTIVE}} live{{/ACTIVE}}">{{STATUS}}</span>{{/BADGE}}
{{#MISSING}}<span class="missing">{{MISSING_TEXT}}</span>{{/MISSING}}
{{#ACTIONS}}<span class="item-actions">{{#JOIN}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/join" target="_blank" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Join Session</button>
</form>{{/JOIN}}{{#START_FORM}}<form method="post" action="/platform/sessions/{{LIVE_ID}}/start" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Start Session</button>
</form>{{/START_FORM}}{{#COMPLETE}}<a class="button secondary" href="/platform/sessions/{{LIVE_ID}}">Complete it</a>{{/COMPLETE}}</span>{{/ACTIONS}}</li>
