{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<div id="jitsi-room" class="room-frame" data-domain="{{DOMAIN}}" data-room="{{ROOM}}" data-jwt="{{JWT}}" data-display-name="{{DISPLAY_NAME}}" data-audio-muted="{{AUDIO_MUTED}}" data-video-muted="{{VIDEO_MUTED}}" data-moderator="{{MODERATOR}}" data-presence="/platform/classroom/{{SESSION_ID}}/presence" data-csrf="{{CSRF}}" data-back="{{BACK}}"></div>
<noscript><p class="notice">The classroom needs JavaScript to run the video conference.</p></noscript>
<p class="hint" id="jitsi-loading">Opening the classroom… If nothing appears, the conferencing server may be unavailable; please try again in a minute.</p>
<p><a href="{{BACK}}">Leave and go back</a></p>
<script src="{{SCRIPT_URL}}"></script>
<script src="/static/jitsi-room.js"></script>
