// A term set up through the pages, the way a school does it: the
// administrator adds a course with a lesson, creates a session, puts the
// course in it with a coach and enrolls a learner; the learner then finds
// the session under "My sessions", opens it and the course's lessons,
// and the coach sees the learner's visit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	BASE, account, launch, screenshot, see, seeHeading, seeText, signIn,
	unique, withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an administrator sets up a session and a learner and a coach use it', async (t) => {
	const tag = unique('s');
	const course = `Spanish conversation ${tag}`;
	const lesson = `Ordering at a café ${tag}`;
	const session = `Spring term ${tag}`;
	const admin = account('admin');
	const learner = account('learner', 2);		// Lucia Learner
	const coach = account('teacher', 1);		// Theo Teacher

	await withPage(browser, t, async (page) => {
		await signIn(page, admin.email, admin.password);
		const nav = page.getByRole('navigation', { name: 'Main' });

		// A course with one lesson.
		await nav.getByRole('link', { name: 'Courses', exact: true }).click();
		await page.getByRole('link', { name: 'Add a course' }).click();
		await page.getByLabel('Title').fill(course);
		await page.getByLabel('Code').fill(tag.toUpperCase());
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByLabel('Lesson title').fill(lesson);
		await page.getByLabel('Type').selectOption({ label: 'Homework' });
		await page.getByRole('button', { name: 'Add lesson' }).click();
		await see(page, page.getByText(lesson), 'the new lesson on the course page');

		// The session, open from long ago to far ahead.
		await nav.getByRole('link', { name: 'Sessions', exact: true }).click();
		await page.getByRole('link', { name: 'Create a session' }).click();
		await page.getByLabel('Session name').fill(session);
		await page.locator('#access_start').fill('2020-01-01');
		await page.locator('#access_end').fill('2099-12-31');
		await page.locator('#coach_start').fill('2019-12-01');
		await page.locator('#coach_end').fill('2099-12-31');
		await page.getByRole('button', { name: 'Create session' }).click();
		await seeText(page, session);
		await screenshot(page, 'training-edit-new.png');

		// The course with its coach, and the learner.
		await page.locator('#course').selectOption({ label: `${course} (${tag.toUpperCase()})` });
		await page.locator('#course_coach').selectOption({ label: 'Theo Teacher' });
		await page.getByRole('button', { name: 'Add course' }).click();
		await see(page, page.locator('#session-courses tr', { hasText: course }), 'the course in the session');
		await page.getByLabel('Find learners by name or email').fill(learner.email);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.locator('#learner-search tr', { hasText: learner.email })
		    .getByRole('button', { name: 'Add' }).click();
		await see(page, page.locator('#session-learners tr', { hasText: learner.email }),
		    'the learner among the enrolled learners');
		await screenshot(page, 'training-edit.png');

		// The session list shows it as active, with its counts.
		await nav.getByRole('link', { name: 'Sessions', exact: true }).click();
		await page.locator('#q').fill(tag);
		await page.getByRole('button', { name: 'Filter' }).click();
		const row = page.locator('table.list tbody tr', { hasText: session });
		await see(page, row, 'the session in the list');
		const text = await row.innerText();
		assert.match(text, /Active/);
		await screenshot(page, 'training-list.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, learner.email, learner.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'My sessions' }).click();
		await seeHeading(page, 'Current sessions');
		await page.getByRole('link', { name: session }).click();
		await seeText(page, course);
		await page.getByRole('link', { name: course }).click();
		await see(page, page.getByText(lesson), 'the lesson in the course');
		await seeText(page, 'Homework');
		await screenshot(page, 'training-course-learner.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, coach.email, coach.password);
		await page.goto(BASE + '/sessions');
		await page.getByRole('link', { name: session }).click();
		await page.getByRole('link', { name: course }).click();
		await see(page, page.getByText('Lucia Learner'), 'the learner in the coach\'s list');
		await screenshot(page, 'training-course-coach.png');
	});

	// The administrator's tracking page charts what the learner did:
	// the one learner of the course opened it.
	await withPage(browser, t, { viewport: { width: 1280, height: 900 } }, async (page) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Sessions', exact: true }).click();
		await page.locator('#q').fill(tag);
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.getByRole('link', { name: session }).click();
		await page.getByRole('link', { name: 'Tracking' }).click();
		await see(page, page.getByRole('img', { name: 'Progress of the session\'s courses' }),
		    'the progress chart');
		const row = page.locator('#progress-table tr', { hasText: course });
		assert.deepEqual(await row.locator('td').allInnerTexts(),
		    ['1', '1 (100%)', '0 of 1 (0%)'], 'one learner, who opened the course');
		await screenshot(page, 'training-tracking-1280.png');
	});
});
