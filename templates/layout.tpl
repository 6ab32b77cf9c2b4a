{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SCHOOL_NAME}}</title>
<link rel="stylesheet" href="/static/lectern.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<div class="bar">
<a class="brand" href="/">{{SCHOOL_NAME}}</a>
{{#SIGNED_IN}}
<nav aria-label="Main">
<ul>
<li><a href="/">Home</a></li>
<li><a href="/platform/schedule">Schedule</a></li>
<li><a href="/platform/channels">Classrooms</a></li>
<li><a href="/sessions">My sessions</a></li>
{{#ADMIN_NAV}}<li><a href="/admin/users">Users</a></li>
<li><a href="/admin/sessions">Sessions</a></li>
<li><a href="/admin/courses">Courses</a></li>
<li><a href="/admin/categories">Categories</a></li>
<li><a href="/admin/classes">Classes</a></li>
<li><a href="/admin/channels">Channels</a></li>
<li><a href="/admin/enrollments">Enrollments</a></li>
<li><a href="/platform/groups">Groups</a></li>{{/ADMIN_NAV}}
{{#TEACHER_NAV}}<li><a href="/platform/enrollments">Enrollments</a></li>
<li><a href="/platform/groups">Groups</a></li>
<li><a href="/platform/homework">Homework</a></li>{{/TEACHER_NAV}}
<li><a href="/notifications" id="nav-notifications">Notifications{{#UNREAD}} <span class="badge count" id="unread-count">{{UNREAD_COUNT}}</span>{{/UNREAD}}</a></li>
<li><a href="/account">Account</a></li>
</ul>
</nav>
<div class="who">
<span class="user-name">{{USER_NAME}}</span> <span class="role">{{USER_ROLE}}</span>
<form method="post" action="/logout" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link">Sign out</button>
</form>
</div>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}<nav aria-label="Main"><ul><li><a href="/login">Sign in</a></li></ul></nav>{{/SIGNED_OUT}}
</div>
</header>
<main id="main">
{{#FLASH}}<p class="flash" role="status">{{MESSAGE}}</p>{{/FLASH}}
{{>BODY}}
</main>
<footer class="site"><p>Lectern · {{SCHOOL_NAME}}</p></footer>
</body>
</html>
