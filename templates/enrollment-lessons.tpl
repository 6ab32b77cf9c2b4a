{{%AUTOESCAPE context="HTML"}}<h1>My lessons</h1>
<p class="muted">Your courses: open one to see its lessons, answer their exercises and see your results.</p>
{{#NONE}}<p class="muted" id="no-enrollments">You are not enrolled in a course.</p>{{/NONE}}
<ul class="links" id="my-enrollments">
{{#ENROLLMENT}}<li><a href="/platform/enrollments/{{ID}}">{{COURSE}}</a> <span class="muted">with {{TEACHER}}</span></li>
{{/ENROLLMENT}}</ul>
{{#FIRST_PAGE}}<p class="pager"><a href="{{URL}}">First page</a></p>{{/FIRST_PAGE}}
{{#NEXT}}<p class="pager"><a href="{{URL}}" rel="next">Next page</a></p>{{/NEXT}}
