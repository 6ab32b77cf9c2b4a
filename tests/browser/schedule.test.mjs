// Live lessons in a real browser: an administrator enrolls a learner
// with a new teacher; the teacher adds a recurring schedule rule, plans a
// group session, starts it, marks it completed and records attendance;
// the learner finds the session on their schedule.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	account, launch, screenshot, see, seeHeading, seeText, signIn, signInFirstTime, unique,
	withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// YYYY-MM-DD and HH:MM in UTC, minutes from now.
function utcIn(minutes) {
	const iso = new Date(Date.now() + minutes * 60000).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

test('a teacher plans, runs and completes a group lesson; the learner sees it', async (t) => {
	const tag = unique('live');
	const teacherName = `Teacher ${tag}`;
	const teacherEmail = `${tag}@lectern.test`;
	const course = `Conversation ${tag}`;
	const title = `Travel phrases ${tag}`;
	const learner = account('learner', 2);		// Lucia Learner
	let teacherPassword;

	await withPage(browser, t, async (page) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		// A teacher who works in UTC, so the test knows the wall clock.
		await page.goto(new URL('/admin/users/new', page.url()).href);
		await page.getByLabel('Name').fill(teacherName);
		await page.getByLabel('Email').fill(teacherEmail);
		await page.getByLabel('Role').selectOption('teacher');
		await page.getByLabel('Timezone').selectOption('UTC');
		await page.getByRole('button', { name: 'Save' }).click();
		teacherPassword = await page.locator('#temporary-password').innerText();
		// A course, and the learner enrolled in it with that teacher.
		await page.goto(new URL('/admin/courses/new', page.url()).href);
		await page.getByLabel('Title').fill(course);
		await page.getByLabel('Code').fill(tag.toUpperCase());
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Enrollments' }).click();
		await page.getByRole('link', { name: 'New enrollment' }).click();
		await page.getByLabel('Find a learner by name or email').fill(learner.email);
		await page.getByRole('button', { name: 'Find' }).click();
		await page.locator('#learner').selectOption({ label: `Lucia Learner (${learner.email})` });
		await page.locator('#course').selectOption({ label: course });
		await page.locator('#teacher').selectOption({ label: teacherName });
		await page.getByRole('button', { name: 'Create enrollment' }).click();
		await seeText(page, course);
	});

	await withPage(browser, t, async (page) => {
		await signInFirstTime(page, teacherEmail, teacherPassword);
		const nav = page.getByRole('navigation', { name: 'Main' });
		// A recurring rule: Mondays at 14:00 from today.
		await nav.getByRole('link', { name: 'Enrollments' }).click();
		await page.getByRole('link', { name: 'Lucia Learner' }).click();
		await page.getByRole('link', { name: 'Add Schedule Rule' }).click();
		await page.getByLabel('Monday').check();
		await page.locator('#time').fill('14:00');
		await page.locator('#start_date').fill(utcIn(0).date);
		await page.getByRole('button', { name: 'Save rule' }).click();
		await see(page, page.getByText(/14:00/).first(), 'generated sessions at 14:00');
		await screenshot(page, 'enrollment-rules.png');

		// A group session starting in five minutes.
		const at = utcIn(5);
		await nav.getByRole('link', { name: 'Schedule' }).click();
		await page.getByRole('link', { name: 'Create Session' }).click();
		await page.locator('#course').selectOption({ label: course });
		await page.locator('#date').fill(at.date);
		await page.locator('#time').fill(at.time);
		await page.locator('#duration').fill('45');
		await page.getByRole('radio', { name: 'Group' }).check();
		await page.locator('#learners').getByLabel('Lucia Learner').check();
		await page.locator('#title').fill(title);
		await page.getByRole('button', { name: 'Save' }).click();
		await seeText(page, title);
		await screenshot(page, 'live-session-scheduled.png');

		await page.getByRole('button', { name: 'Start Session' }).click();
		await page.getByRole('button', { name: 'Mark as Completed' }).click();
		const row = page.locator('tr', { hasText: 'Lucia Learner' });
		await row.getByLabel('Present').check();
		await page.locator('#session_notes').fill('Practised ordering food.');
		await page.getByRole('button', { name: 'Save attendance' }).click();
		await see(page, page.locator('tr', { hasText: 'Lucia Learner' }).getByLabel('Present'),
		    'the attendance form');
		assert.equal(await page.locator('tr', { hasText: 'Lucia Learner' })
		    .getByLabel('Present').isChecked(), true, 'Present is recorded');
		await screenshot(page, 'live-session-completed.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, learner.email, learner.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Schedule' }).click();
		// Near midnight on a Sunday the lesson may fall in the next week of
		// the learner's zone.
		if (await page.getByText(title).count() === 0)
			await page.getByRole('link', { name: 'Next week' }).click();
		await see(page, page.getByText(title), 'the lesson on the learner\'s schedule');
		await screenshot(page, 'schedule-learner.png');
	});
});
