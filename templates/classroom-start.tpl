{{%AUTOESCAPE context="HTML"}}<h1>Start Classroom</h1>
<p class="muted">In {{CHANNEL_NAME}}. Every member of the channel can join once the session starts.</p>
<form method="post" action="/platform/channels/{{CHANNEL_ID}}/start" class="stack" id="start-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Session Name</label>
<input id="name" name="name" maxlength="64" value="{{NAME_VALUE}}" aria-describedby="name-hint">
<p class="hint" id="name-hint">Optional. If left blank, the channel name is used.</p>
{{#NAME_ERROR}}<p class="error field" id="name-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="description">Description</label>
<textarea id="description" name="description" rows="3" maxlength="2000" aria-describedby="description-hint">
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
<p class="hint" id="description-hint">A short agenda or topic, shown to participants when they join.</p>
{{#DESCRIPTION_ERROR}}<p class="error field" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<fieldset class="options">
<legend>Options</legend>
<label><input type="checkbox" name="record" value="1"{{#RECORD}} checked{{/RECORD}}> Record this session</label>
<p class="hint">Recordings take 10–30 minutes to process after the session ends.</p>
<label><input type="checkbox" name="allow_camera" value="1"{{#ALLOW_CAMERA}} checked{{/ALLOW_CAMERA}}> Allow participants to enable camera</label>
<label><input type="checkbox" name="allow_mic" value="1"{{#ALLOW_MIC}} checked{{/ALLOW_MIC}}> Allow participants to unmute microphone</label>
<label><input type="checkbox" name="mute_on_join" value="1"{{#MUTE_ON_JOIN}} checked{{/MUTE_ON_JOIN}}> Mute all participants on join</label>
<label><input type="checkbox" name="notify_system" value="1"{{#NOTIFY_SYSTEM}} checked{{/NOTIFY_SYSTEM}}> Send system notification</label>
<label><input type="checkbox" name="notify_email" value="1"{{#NOTIFY_EMAIL}} checked{{/NOTIFY_EMAIL}}> Send email notification</label>
</fieldset>
<button type="submit">Start Classroom</button>
</form>
<p><a href="/platform/channels/{{CHANNEL_ID}}">Back to the channel</a></p>
