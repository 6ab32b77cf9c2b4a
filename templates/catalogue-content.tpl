{{%AUTOESCAPE context="HTML"}}<h1>Lesson content</h1>
<p class="muted">{{LESSON_TITLE}}, a lesson of <a href="/admin/courses/{{COURSE_ID}}">{{COURSE_TITLE}}</a>. <a href="/admin/courses/{{COURSE_ID}}/lessons/{{LESSON_ID}}">Lesson title and type</a></p>
{{#REFUSED}}<p class="error" role="alert" id="content-error">{{MESSAGE}}</p>{{/REFUSED}}
<section class="card" id="preview">
<h2>Preview</h2>
{{>TEXT}}
</section>
{{>EDITOR}}
