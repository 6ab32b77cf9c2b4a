{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1>{{REASON}}</h1>
<p class="error-message">{{MESSAGE}}</p>
<p class="muted">Error {{STATUS}}. <a href="/">Go to the home page</a>.</p>
</section>
