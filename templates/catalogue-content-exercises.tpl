{{%AUTOESCAPE context="HTML"}}{{#NO_EXERCISES}}<p class="muted" id="no-exercises">This lesson has no exercises.</p>{{/NO_EXERCISES}}{{#EX}}<fieldset class="card exercise" id="ex-{{EX_ID}}" data-kind="{{KIND}}">
<legend>Exercise {{NUM}}: {{KIND_LABEL}}</legend>
{{#PROMPT_TEXT}}<p class="prompt pre">{{PROMPT}}</p>
{{/PROMPT_TEXT}}{{#ASK_CHOICE}}{{#OPT}}<label class="check"><input type="checkbox" name="pick" value="{{EX_ID}}:{{IDX}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/OPT}}{{/ASK_CHOICE}}{{#SHOW_CHOICE}}<ul class="choices">
{{#OPT}}<li{{#CHECKED}} class="chosen"{{/CHECKED}}>{{LABEL}}{{#CHECKED}} <strong>(your choice)</strong>{{/CHECKED}}{{#CORRECT}} <em>(correct)</em>{{/CORRECT}}</li>
{{/OPT}}</ul>
{{/SHOW_CHOICE}}{{#ASK_GAP}}<p class="gaps pre">{{#SEG}}{{TEXT}}{{#GAP}}<input type="hidden" name="field" value="{{EX_ID}}:{{IDX}}"><input class="gap" name="text" size="12" maxlength="200" aria-label="Gap {{NUM}}" value="{{VALUE}}">{{/GAP}}{{/SEG}}</p>
{{/ASK_GAP}}{{#SHOW_GAP}}<p class="gaps pre">{{#SEG}}{{TEXT}}{{#GAP}}<strong class="gap-answer">[{{VALUE}}]</strong>{{#WRONG}} <em>(accepted: {{EXPECTED_TEXT}})</em>{{/WRONG}}{{/GAP}}{{/SEG}}</p>
{{/SHOW_GAP}}{{#ASK_SHORT}}<input type="hidden" name="field" value="{{EX_ID}}:0">
<label for="t-{{EX_ID}}">Your answer</label>
<input id="t-{{EX_ID}}" name="text" maxlength="500" value="{{VALUE}}">
{{/ASK_SHORT}}{{#ASK_ESSAY}}<input type="hidden" name="field" value="{{EX_ID}}:0">
<label for="t-{{EX_ID}}">Your essay</label>
<textarea id="t-{{EX_ID}}" name="text" rows="8" maxlength="5000">{{VALUE}}</textarea>
{{/ASK_ESSAY}}{{#SHOW_TEXT}}<p class="answer pre"><strong>Answer:</strong> {{ANSWER}}</p>
{{#EXPECTED}}<p class="expected">Accepted answers: {{EXPECTED_TEXT}}</p>
{{/EXPECTED}}{{/SHOW_TEXT}}{{#POINTS}}<p class="points" data-points="{{POINTS}}" data-max="{{MAX}}">Points: {{POINTS_TEXT}}</p>
{{/POINTS}}{{#MARK}}<input type="hidden" name="essay" value="{{EX_ID}}">
<label for="m-{{EX_ID}}">Mark for exercise {{NUM}} (0 to 5)</label>
<input id="m-{{EX_ID}}" name="mark" type="number" min="0" max="5" value="{{MARK_VALUE}}">
{{/MARK}}</fieldset>
{{/EX}}
