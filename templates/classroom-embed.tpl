{{%AUTOESCAPE context="HTML"}}<h1>{{NAME}}</h1>
<iframe class="room-frame" id="room-frame" src="{{JOIN_URL}}" title="Classroom {{NAME}}" allow="camera; microphone; display-capture; fullscreen" allowfullscreen></iframe>
<p><a href="{{BACK}}">Leave and go back</a></p>
