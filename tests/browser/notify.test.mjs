// Notifications in a real browser: a teacher plans a live session for a
// learner; the learner sees the count beside "Notifications", finds the
// notification (with the time in the learner's own zone), opens it and
// lands on the session, after which it counts as read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	account, launch, screenshot, see, seeHeading, seeText, signIn, signInFirstTime, unique,
	withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A date two to four weeks ahead (YYYY-MM-DD), in January or July it
// may be: the test reads the zone abbreviation from the page anyway.
function dateAhead() {
	const d = new Date(Date.now() + (14 + Math.floor(Math.random() * 14)) * 86400000);
	return d.toISOString().slice(0, 10);
}

// Make a user through the admin form; returns the temporary password.
async function newUser(page, name, email, role, zone) {
	await page.goto(new URL('/admin/users/new', page.url()).href);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Role').selectOption(role);
	await page.getByLabel('Timezone').selectOption(zone);
	await page.getByRole('button', { name: 'Save' }).click();
	return page.locator('#temporary-password').innerText();
}

test('a learner sees the notification of a session a teacher planned', async (t) => {
	const tag = unique('ntf');
	const teacher = { name: `Teacher ${tag}`, email: `${tag}.t@lectern.test` };
	const learner = { name: `Learner ${tag}`, email: `${tag}.l@lectern.test` };
	const course = `Notified ${tag}`;
	const title = `Present tense ${tag}`;
	const date = dateAhead();

	await withPage(browser, t, async (page) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		teacher.password = await newUser(page, teacher.name, teacher.email, 'teacher', 'UTC');
		learner.password = await newUser(page, learner.name, learner.email, 'learner',
		    'Europe/Berlin');
		await page.goto(new URL('/admin/courses/new', page.url()).href);
		await page.getByLabel('Title').fill(course);
		await page.getByLabel('Code').fill(tag.toUpperCase());
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Enrollments' }).click();
		await page.getByRole('link', { name: 'New enrollment' }).click();
		await page.getByLabel('Find a learner by name or email').fill(learner.email);
		await page.getByRole('button', { name: 'Find' }).click();
		await page.locator('#learner').selectOption({ label: `${learner.name} (${learner.email})` });
		await page.locator('#course').selectOption({ label: course });
		await page.locator('#teacher').selectOption({ label: teacher.name });
		await page.getByRole('button', { name: 'Create enrollment' }).click();
		await seeText(page, course);
	});

	await withPage(browser, t, async (page) => {
		await signInFirstTime(page, teacher.email, teacher.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Schedule' }).click();
		await page.getByRole('link', { name: 'Create Session' }).click();
		await page.locator('#course').selectOption({ label: course });
		await page.locator('#date').fill(date);
		await page.locator('#time').fill('13:00');
		await page.locator('#duration').fill('45');
		await page.getByRole('radio', { name: 'Individual' }).check();
		await page.locator('#enrollment').selectOption({ label: `${learner.name} (${course})` });
		await page.locator('#title').fill(title);
		await page.locator('#notes').fill('Bring three questions.');
		await page.getByRole('button', { name: 'Save' }).click();
		await seeText(page, 'Created the session.');
	});

	await withPage(browser, t, async (page) => {
		await signInFirstTime(page, learner.email, learner.password);
		const nav = page.getByRole('navigation', { name: 'Main' });
		await see(page, nav.locator('#unread-count'), 'the unread count in the navigation');
		assert.equal(await nav.locator('#unread-count').innerText(), '1');
		await nav.getByRole('link', { name: /Notifications/ }).click();
		await seeHeading(page, 'Notifications');
		const item = page.locator('li.notification.unread').first();
		await see(page, item, 'an unread notification');
		const subject = await item.locator('.subject').innerText();
		// 13:00 UTC is 14:00 (CET) or 15:00 (CEST) in Berlin.
		// The "New" badge, then the subject: not "New New live session".
		assert.match(subject, new RegExp(`^New Live session scheduled: ${title} on ${date} at 1[45]:00 CES?T`));
		assert.match(await item.locator('.body').innerText(), /Europe\/Berlin CES?T/);
		await screenshot(page, 'notifications-learner.png');

		await item.getByRole('button', { name: new RegExp(`Live session scheduled: ${title}`) }).click();
		await seeHeading(page, title);
		assert.match(new URL(page.url()).pathname, /^\/platform\/sessions\/\d+$/);
		assert.equal(await nav.locator('#unread-count').count(), 0, 'no unread count left');
		await nav.getByRole('link', { name: /Notifications/ }).click();
		assert.equal(await page.locator('li.notification.unread').count(), 0);
		await see(page, page.getByRole('link', { name: new RegExp(title) }), 'the read notification as a link');
	});
});
