{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<p class="muted"><a href="{{BACK}}">{{ROOM_NAME}}</a>{{#IN_PROGRESS}} · <span class="badge live">LIVE</span> In progress{{/IN_PROGRESS}}</p>
<section class="card" id="session-info">
<h2>Session info</h2>
<dl class="facts">
<dt>Started</dt><dd id="started">{{STARTED}}</dd>
{{#ENDED}}<dt>Ended</dt><dd id="ended">{{ENDED_AT}}</dd>{{/ENDED}}
<dt>Duration</dt><dd id="duration">{{DURATION}}</dd>
<dt>Started by</dt><dd id="started-by">{{STARTED_BY}}</dd>
{{#ENDED}}<dt>Ended by</dt><dd id="ended-by">{{ENDED_BY}}</dd>
<dt>How it ended</dt><dd id="end-reason">{{END_REASON}}</dd>{{/ENDED}}
<dt>Options</dt><dd id="options">{{OPTIONS}}</dd>
</dl>
{{#DESCRIPTION}}<p class="pre" id="description">{{DESCRIPTION_TEXT}}</p>{{/DESCRIPTION}}
</section>
<section class="card" id="participants">
<h2>Participants</h2>
{{#NO_PEOPLE}}<p class="muted">Nobody joined this session.</p>{{/NO_PEOPLE}}
<div class="table-wrap" tabindex="0" role="region" aria-label="Participants">
<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Joined as</th><th scope="col">First join</th><th scope="col">Last leave</th><th scope="col">Joins</th><th scope="col">Minutes</th><th scope="col">Chats</th><th scope="col">Talks</th><th scope="col">Hands</th><th scope="col">Poll votes</th><th scope="col">Emojis</th></tr></thead>
<tbody>
{{#PERSON}}<tr id="person-{{USER_ID}}"><td data-label="Name">{{#FACE_PHOTO}}<img class="avatar" src="{{AVATAR_URL}}" alt="" width="32" height="32">{{/FACE_PHOTO}}{{#FACE_INITIALS}}<span class="avatar {{AVATAR_CLASS}}" aria-hidden="true">{{INITIALS}}</span>{{/FACE_INITIALS}} {{PERSON_NAME}}{{#PROMOTED}} <span class="badge">Promoted</span>{{/PROMOTED}}{{#REMOVED}} <span class="badge off">Removed</span>{{/REMOVED}}</td><td data-label="Joined as" class="role">{{ROLE}}</td><td data-label="First join">{{FIRST_JOIN}}</td><td data-label="Last leave">{{LAST_LEAVE}}</td><td data-label="Joins" class="joins">{{JOINS}}</td><td data-label="Minutes">{{MINUTES}}</td><td data-label="Chats">{{CHATS}}</td><td data-label="Talks">{{TALKS}}</td><td data-label="Hands">{{RAISE_HANDS}}</td><td data-label="Poll votes">{{POLL_VOTES}}</td><td data-label="Emojis">{{EMOJIS}}</td></tr>
{{/PERSON}}</tbody>
</table>
</div>
</section>
{{#ATTENDANCE}}<p id="attendance"><a href="/platform/classroom/{{SESSION_ID}}/summary/attendance" id="attendance-download" download>Download attendance (CSV)</a></p>{{/ATTENDANCE}}
<section class="card" id="events">
<h2>Moderator events</h2>
{{#NO_EVENTS}}<p class="muted">No moderator events.</p>{{/NO_EVENTS}}
<ul>
{{#EVENT}}<li><span class="muted">{{EVENT_AT}}</span> {{ACTOR}}: {{EVENT_LABEL}}{{#EVENT_SUBJECT}} ({{SUBJECT}}){{/EVENT_SUBJECT}}{{#EVENT_DETAIL}} — {{DETAIL}}{{/EVENT_DETAIL}}</li>
{{/EVENT}}</ul>
</section>
{{#NOTHING_PRODUCED}}<p class="notice" id="nothing-produced">No content was produced in this session: no chat messages, polls, recordings, transcriptions, slides, documents or whiteboards.</p>{{/NOTHING_PRODUCED}}
<section class="card" id="transcriptions">
<h2>Transcriptions</h2>
{{#NO_TRANSCRIPTS}}<p class="muted">No transcriptions.</p>{{/NO_TRANSCRIPTS}}
<ul class="cards">
{{#TRANSCRIPT}}<li class="transcript-card" id="transcript-{{TRANSCRIPT_ID}}"><a href="/platform/classroom/{{SESSION_ID}}/transcripts/{{TRANSCRIPT_ID}}" class="transcript-open">{{TRANSCRIPT_FILE}}</a>
<span class="muted">Created {{TRANSCRIPT_AT}} · {{TRANSCRIPT_LENGTH}}</span>
<span class="transcript-people">Participants present: {{TRANSCRIPT_PEOPLE}}</span></li>
{{/TRANSCRIPT}}</ul>
{{#TRANSCRIPT_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/transcripts" enctype="multipart/form-data" id="transcript-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="transcript-file">Add a transcript (WebVTT, .vtt, at most {{LIMIT_KB}} KB; speakers as voice tags, &lt;v Name&gt;)</label>
<input type="file" name="file" id="transcript-file" accept=".vtt,text/vtt" required>
<button type="submit">Upload transcript</button>
</form>{{/TRANSCRIPT_FORM}}
</section>
<section class="card" id="documents">
<h2>Documents</h2>
{{#NO_DOCUMENTS}}<p class="muted">No documents.</p>{{/NO_DOCUMENTS}}
<ul class="cards">
{{#DOC}}<li class="doc-card" id="document-{{DOC_ID}}"><a href="{{DOC_URL}}" class="doc-open">{{DOC_TITLE}}</a>
<span class="muted">{{DOC_TYPE}}, {{DOC_SIZE}} · Added {{DOC_AT}} by <span class="doc-by">{{DOC_BY}}</span></span></li>
{{/DOC}}{{#SLIDE_DOC}}<li class="doc-card slide-doc"><a href="{{DOC_URL}}" class="doc-open">{{DOC_TITLE}}</a>
<span class="muted">PDF, {{DOC_SIZE}} · Slides shared in the room {{DOC_AT}}</span></li>
{{/SLIDE_DOC}}</ul>
{{#DOC_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/documents" enctype="multipart/form-data" id="document-form" class="upload">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="document-file">Add a document (PDF, text, Word, Excel, PowerPoint or OpenDocument; at most {{DOC_LIMIT}})</label>
<input type="file" name="file" id="document-file" accept=".pdf,.txt,.md,.csv,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt" required>
<label for="document-title">Title <span class="hint">(optional; the file's name otherwise)</span></label>
<input type="text" name="title" id="document-title" maxlength="200">
<button type="submit">Upload document</button>
</form>{{/DOC_FORM}}
</section>
<section class="card" id="whiteboards">
<h2>Whiteboards</h2>
{{#NO_WHITEBOARDS}}<p class="muted">No whiteboards.</p>{{/NO_WHITEBOARDS}}
<ul class="thumbs">
{{#WHITEBOARD}}<li class="whiteboard-card" id="whiteboard-{{DOC_ID}}"><a href="{{DOC_URL}}" class="whiteboard-open"><img src="{{DOC_URL}}/image" alt="" width="240" loading="lazy"><span class="whiteboard-title">{{DOC_TITLE}}</span></a>
<span class="muted">Added {{DOC_AT}} by {{DOC_BY}}</span></li>
{{/WHITEBOARD}}</ul>
{{#WHITEBOARD_FORM}}<form method="post" action="/platform/classroom/{{SESSION_ID}}/whiteboards" enctype="multipart/form-data" id="whiteboard-form" class="upload">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="whiteboard-file">Add a whiteboard snapshot (PNG or JPEG, at most {{WB_LIMIT}})</label>
<input type="file" name="file" id="whiteboard-file" accept="image/png,image/jpeg" required>
<label for="whiteboard-title">Title <span class="hint">(optional; the file's name otherwise)</span></label>
<input type="text" name="title" id="whiteboard-title" maxlength="200">
<button type="submit">Upload whiteboard</button>
</form>{{/WHITEBOARD_FORM}}
</section>
<section class="card" id="chat">
<h2>Chat</h2>
{{#NO_CHAT}}<p class="muted">No chat messages.</p>{{/NO_CHAT}}
<ol class="chat">
{{#CHAT}}<li id="chat-{{CHAT_ID}}"><span class="muted">{{CHAT_AT}}</span> <strong>{{CHAT_NAME}}</strong>: <span class="pre">{{CHAT_BODY}}</span></li>
{{/CHAT}}</ol>
{{#CHAT_MORE}}<p class="pager"><a rel="next" href="{{NEXT_URL}}" id="chat-next">Next messages</a></p>{{/CHAT_MORE}}
{{#CHAT_DOWNLOAD}}<p><a href="/platform/classroom/{{SESSION_ID}}/summary/chat/download" id="chat-download" download>Download chat</a> <span class="hint">(a text file of every message)</span></p>{{/CHAT_DOWNLOAD}}
</section>
<section class="card" id="polls">
<h2>Polls</h2>
{{#NO_POLLS}}<p class="muted">No polls.</p>{{/NO_POLLS}}
{{#POLL}}<div class="poll"><h3>{{QUESTION}}</h3>
<p class="muted">{{POLL_AT}}{{#ROOM_POLL}} · <span class="badge room-poll">Run in the conferencing room</span>{{/ROOM_POLL}}{{#ROOM_POLL_HIDDEN}} · <span class="badge room-poll">Run in the conferencing room</span> · results not shown there{{/ROOM_POLL_HIDDEN}}{{#POLL_OPEN}} · still open{{/POLL_OPEN}}</p>
<ul>
{{#OPTION}}<li>{{LABEL}}: <strong>{{VOTES}}</strong></li>
{{/OPTION}}</ul></div>
{{/POLL}}
</section>
<section class="card" id="recordings">
<h2>Recordings</h2>
{{#NO_RECORDINGS}}<p class="muted">No recordings.</p>{{/NO_RECORDINGS}}
<ul>
{{#RECORDING}}<li id="recording-{{RECORDING_ID}}" class="recording {{STATE_CLASS}}"><span class="state">{{STATE}}</span>{{#LENGTH}} · <span class="length">Length: {{LENGTH_TEXT}}</span>{{/LENGTH}}{{#PLAYBACK}} <a href="{{PLAYBACK_URL}}" rel="noopener noreferrer" target="_blank">Watch recording</a>{{/PLAYBACK}}
{{#REC_ACTIONS}}<span class="actions">{{#CAN_UNPUBLISH}}<form method="post" action="/platform/classroom/{{REC_SESSION}}/recordings/{{REC_ID}}/unpublish" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Unpublish</button></form>{{/CAN_UNPUBLISH}}{{#CAN_PUBLISH}}<form method="post" action="/platform/classroom/{{REC_SESSION}}/recordings/{{REC_ID}}/publish" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Publish</button></form>{{/CAN_PUBLISH}}
<form method="post" action="/platform/classroom/{{REC_SESSION}}/recordings/{{REC_ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="danger">Delete</button></form></span>{{/REC_ACTIONS}}</li>
{{/RECORDING}}</ul>
</section>
<section class="card" id="slides">
<h2>Slides</h2>
{{#NO_SLIDES}}<p class="muted">No slides.</p>{{/NO_SLIDES}}
<ul>
{{#SLIDE}}<li>{{FILENAME}} <span class="muted">({{KILOBYTES}} KB)</span></li>
{{/SLIDE}}</ul>
</section>
<p><a href="{{BACK}}">Back</a></p>
