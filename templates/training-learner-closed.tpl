{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1>{{NAME}}</h1>
<p class="notice" id="access-message">{{MESSAGE}}</p>
<p><a href="/sessions">Back to My sessions</a></p>
</section>
