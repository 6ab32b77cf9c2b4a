{{%AUTOESCAPE context="HTML"}}<div id="room" data-session="{{SESSION_ID}}">
<p class="muted" id="room-of">{{ROOM_NAME}}{{#LESSON_LINK}} · <a href="/platform/sessions/{{LIVE_ID}}">Lesson page</a>{{/LESSON_LINK}}{{#CHANNEL_LINK}} · <a href="/platform/channels/{{CHANNEL_ID}}" id="channel-link">Channel page</a>{{/CHANNEL_LINK}}</p>
<h1 id="session-name">{{NAME}}{{#LIVE}} <span class="badge live" id="live-badge">LIVE</span>{{/LIVE}}</h1>
{{#DESCRIPTION}}<p class="pre" id="session-description">{{TEXT}}</p>{{/DESCRIPTION}}
{{#ACTIVE}}<div class="actions" id="session-actions">
<form method="post" action="/platform/classroom/{{SESSION_ID}}/join" target="_blank" class="inline" id="join-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" id="join-button">Join Session</button>
</form>
{{#CAN_END}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/end" class="inline" id="end-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="danger" id="end-button">End Session</button>
</form>{{/CAN_END}}
</div>
<p class="hint">The session opens in a new tab. Keep this page open for the chat, the polls and the slides.</p>{{/ACTIVE}}
{{#ENDED}}<p class="notice" id="ended-line">This session has ended{{#ENDED_AT}} ({{WHEN}}){{/ENDED_AT}}. Chat messages, polls and slides are kept with it. <a href="/platform/classroom/{{SESSION_ID}}/summary" id="summary-link">See the session summary</a></p>{{/ENDED}}
{{#NOTICE}}<p class="error" role="alert" id="room-error">{{MESSAGE}}</p>{{/NOTICE}}

<div class="room-grid">
<section id="chat" class="card" aria-labelledby="chat-title">
<h2 id="chat-title">Chat</h2>
<p class="hint">Times in {{ZONE}}.{{#OLDER}} Only the latest {{SHOWN}} messages are shown here; the session summary has them all.{{/OLDER}}</p>
<ol class="chat-log" id="chat-log" data-last="{{LAST_ID}}" data-url="/platform/classroom/{{SESSION_ID}}/chat"{{#CHAT_LIVE}} data-live="1"{{/CHAT_LIVE}} role="log" aria-live="polite" aria-labelledby="chat-title" tabindex="0">{{>MESSAGES}}</ol>
{{#NO_MESSAGES}}<p class="muted" id="no-messages">No messages yet.</p>{{/NO_MESSAGES}}
{{#CHAT_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/chat#chat" class="stack chat-form" id="chat-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="chat-body">Message</label>
<textarea id="chat-body" name="body" rows="2" maxlength="2000" required>{{CHAT_VALUE}}</textarea>
{{#CHAT_ERROR}}<p class="error field" id="chat-error">{{MESSAGE}}</p>{{/CHAT_ERROR}}
<button type="submit">Send</button>
</form>{{/CHAT_FORM}}
</section>

<section id="polls" class="card" aria-labelledby="polls-title">
<h2 id="polls-title">Polls</h2>
{{#VOTE_ERROR}}<p class="error" role="alert" id="vote-error">{{MESSAGE}}</p>{{/VOTE_ERROR}}
<div id="poll-list" data-url="/platform/classroom/{{SESSION_ID}}/polls"{{#POLLS_LIVE}} data-live="1"{{/POLLS_LIVE}}>{{>POLL_LIST}}</div>
{{#POLL_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/polls#polls" class="stack" id="poll-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h3>New poll</h3>
<label for="poll-question">Question</label>
<input id="poll-question" name="question" maxlength="300" value="{{QUESTION_VALUE}}">
{{#QUESTION_ERROR}}<p class="error field" id="question-error">{{MESSAGE}}</p>{{/QUESTION_ERROR}}
<fieldset class="options"><legend>Answers <span class="hint">(2 to 6; leave the last ones empty)</span></legend>
{{#OPTION_FIELD}}<label for="poll-option-{{N}}">Answer {{N}}</label>
<input id="poll-option-{{N}}" name="option" maxlength="200" value="{{VALUE}}">
{{/OPTION_FIELD}}</fieldset>
{{#OPTIONS_ERROR}}<p class="error field" id="options-error">{{MESSAGE}}</p>{{/OPTIONS_ERROR}}
<button type="submit">Create poll</button>
</form>{{/POLL_FORM}}
</section>

<section id="slides" class="card" aria-labelledby="slides-title">
<h2 id="slides-title">Slides</h2>
{{#SLIDE}}<p class="slide" id="slide-{{SLIDE_ID}}"><a href="/platform/classroom/{{SESSION_ID}}/slides/{{SLIDE_ID}}" download>{{FILENAME}}</a> <span class="hint">PDF, {{SIZE}}</span>
{{#SLIDE_DELETE}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/slides/{{SLIDE_ID}}/delete" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link">Delete</button>
</form>{{/SLIDE_DELETE}}</p>
{{/SLIDE}}{{#NO_SLIDES}}<p class="muted" id="no-slides">No slides for this session.</p>{{/NO_SLIDES}}
{{#SLIDE_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/slides#slides" enctype="multipart/form-data" class="stack" id="slide-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="slide-file">PDF file <span class="hint">(at most {{LIMIT}})</span></label>
<input type="file" id="slide-file" name="file" accept="application/pdf,.pdf">
{{#SLIDE_ERROR}}<p class="error field" id="slide-error">{{MESSAGE}}</p>{{/SLIDE_ERROR}}
<button type="submit">Upload slides</button>
<p class="hint">Slides uploaded before anyone joins are loaded into the room when it opens.</p>
</form>{{/SLIDE_FORM}}
</section>
</div>

{{#MODERATION}}<section id="moderation" class="card" aria-labelledby="moderation-title">
<h2 id="moderation-title">Participants</h2>
{{#MOD_ERROR}}<p class="error" role="alert" id="mod-error">{{MESSAGE}}</p>{{/MOD_ERROR}}
<p class="hint" id="mute-note">Mute one participant or everyone from inside the conferencing room: the participants list there has the controls.</p>
{{#LOCK_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/locks#moderation" id="lock-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label><input type="checkbox" name="lock_camera" value="1" id="lock-camera"{{#CAMERA_LOCKED}} checked{{/CAMERA_LOCKED}}> Lock cameras</label>
<label><input type="checkbox" name="lock_mic" value="1" id="lock-mic"{{#MIC_LOCKED}} checked{{/MIC_LOCKED}}> Lock microphones</label>
<button type="submit" class="secondary">Save locks</button>
<p class="hint">The conferencing room opens with these locks when the first person joins; after that, they are changed inside the room. Moderators are never locked.</p>
</form>{{/LOCK_FORM}}
{{#LOCKS_FIXED}}<div id="locks-fixed"><p>{{LOCKS_TEXT}}</p>
<p class="hint">{{LOCKS_WHERE}}</p></div>{{/LOCKS_FIXED}}
<form method="post" id="people-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<table class="list" id="people">
<thead><tr><th>Name</th><th>State</th><th>Actions</th></tr></thead>
<tbody>
{{#PERSON}}<tr id="person-{{USER_ID}}" class="person"><td data-label="Name">{{#FACE_PHOTO}}<img class="avatar" src="{{AVATAR_URL}}" alt="" width="32" height="32">{{/FACE_PHOTO}}{{#FACE_INITIALS}}<span class="avatar {{AVATAR_CLASS}}" aria-hidden="true">{{INITIALS}}</span>{{/FACE_INITIALS}} {{PERSON_NAME}}</td><td data-label="State">{{STATE}}</td><td data-label="Actions">{{#PROMOTE}}<button formaction="/platform/classroom/{{SESSION_ID}}/participants/{{USER_ID}}/promote#moderation" class="secondary">Promote to moderator<span class="visually-hidden">: {{PERSON_NAME}}</span></button> {{/PROMOTE}}{{#REMOVE}}<button formaction="/platform/classroom/{{SESSION_ID}}/participants/{{USER_ID}}/remove#moderation" class="danger">Remove<span class="visually-hidden"> {{PERSON_NAME}}</span></button>{{/REMOVE}}</td></tr>
{{/PERSON}}</tbody>
</table>
</form>
{{#MORE_PEOPLE}}<p class="pager"><a href="{{NEXT_URL}}" id="next-people">More participants</a></p>{{/MORE_PEOPLE}}
</section>{{/MODERATION}}
</div>
<script src="/static/room.js" defer></script>
