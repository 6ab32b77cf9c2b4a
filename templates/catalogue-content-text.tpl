{{%AUTOESCAPE context="HTML"}}<div class="lesson-text" id="lesson-text">{{#BLOCK}}{{#H2}}<h2>{{TEXT}}</h2>
{{/H2}}{{#H3}}<h3>{{TEXT}}</h3>
{{/H3}}{{#PARA}}<p>{{TEXT}}</p>
{{/PARA}}{{/BLOCK}}{{#NO_TEXT}}<p class="muted">This lesson has no text.</p>{{/NO_TEXT}}</div>
