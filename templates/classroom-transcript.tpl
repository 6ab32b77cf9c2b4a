{{%AUTOESCAPE context="HTML"}}<h1>Transcript: {{NAME}}</h1>
<p class="muted">Session started {{STARTED}} · <a href="/platform/classroom/{{SESSION_ID}}/summary" id="summary-link">Session summary</a></p>
<section class="card" id="transcript-info">
<dl class="facts">
<dt>File</dt><dd id="transcript-file">{{FILENAME}}</dd>
<dt>Created</dt><dd id="transcript-created">{{CREATED}}</dd>
<dt>Lines</dt><dd id="transcript-cues">{{CUES}}</dd>
</dl>
<p class="actions" id="transcript-actions"><a href="/platform/classroom/{{SESSION_ID}}/transcripts/{{TRANSCRIPT_ID}}/download" id="transcript-download" class="button" download>Download</a></p>
{{#WATCH}}<p><a href="{{PLAYBACK_URL}}" rel="noopener noreferrer" target="_blank" id="watch-recording">Watch recording</a> <span class="hint">Each speaker's time opens that part of the recording.</span></p>{{/WATCH}}
{{#NO_RECORDING}}<p class="muted" id="no-recording">This session has no published recording: the times are not links.</p>{{/NO_RECORDING}}
</section>
{{#VIDEO}}<section class="card transcript-player" id="player"><h2>Recording</h2><video id="transcript-media" src="{{MEDIA_URL}}" controls preload="metadata"></video></section>{{/VIDEO}}
{{#AUDIO}}<section class="card transcript-player" id="player"><h2>Recording</h2><audio id="transcript-media" src="{{MEDIA_URL}}" controls preload="metadata"></audio></section>{{/AUDIO}}
<section class="card" id="transcript">
<h2>Transcript</h2>
<div id="transcript-text">
{{#GROUP}}<div class="speaker-group">
<h3 class="speaker"><span class="speaker-name">{{SPEAKER}}</span> {{#SEGMENT}}<a class="segment" href="{{SEGMENT_URL}}" rel="noopener noreferrer" target="_blank">{{FROM}} – {{TO}}</a>{{/SEGMENT}}{{#NO_SEGMENT}}<span class="segment muted">{{FROM}} – {{TO}}</span>{{/NO_SEGMENT}}</h3>
{{#LINE}}<p class="cue" id="cue-{{IDX}}" data-start="{{START}}" data-end="{{END}}"><span class="cue-time muted">{{AT}}</span> <span class="cue-text">{{#TEXT_LINE}}{{#BR}}<br>{{/BR}}<span class="cue-line">{{T}}</span>{{/TEXT_LINE}}</span></p>
{{/LINE}}</div>
{{/GROUP}}</div>
</section>
<p><a href="/platform/classroom/{{SESSION_ID}}/summary">Back to the session summary</a></p>
<script src="/static/transcript.js" defer></script>
