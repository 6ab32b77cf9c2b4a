// The home page of each demo role in a real browser, on a wide screen
// (1280 px) and on a narrow phone (320 px): the demo school's learner,
// teacher and administrator sign in, find their dashboard, and reach
// the schedule, a lesson, the demo classroom channel, their training
// sessions, the administration pages and the notifications by clicking
// from it.  Each page visited is saved in tests/output/ as
// home-<role>-<width>-<page>.png for a person to look at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	BASE, account, launch, screenshot, see, seeHeading, signIn, where,
	withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const WIDTHS = [1280, 320];

// The page's sideways overflow in pixels (0: it fits the screen).
function overflow(page) {
	return page.evaluate(() =>
	    document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// Back to the dashboard by the site's own link, as a person would.
async function home(page, name) {
	await page.getByRole('navigation', { name: 'Main' })
	    .getByRole('link', { name: 'Home', exact: true }).click();
	await seeHeading(page, `Welcome, ${name}`);
}

// Sign in as the demo account and look at the dashboard: its sections
// are there and it fits the screen.
async function dashboard(page, role, index, name, width, sections) {
	const who = account(role, index);
	await signIn(page, who.email, who.password);
	assert.equal(where(page), '/');
	await seeHeading(page, `Welcome, ${name}`);
	for (const heading of sections)
		await see(page, page.getByRole('heading', { name: heading, exact: true }),
		    `the "${heading}" section`);
	await see(page, page.locator('#zone-line'), 'the line naming the timezone');
	assert.equal(await overflow(page), 0, `the home page scrolls sideways at ${width} px`);
	await screenshot(page, `home-${role}-${width}-home.png`);
}

// Click the link and wait for the page with this heading; save it.
async function visit(page, link, heading, shot) {
	await link.click();
	await seeHeading(page, heading);
	await screenshot(page, shot);
}

// The first lesson of a section of the dashboard: click its name and
// land on its page.
async function openLesson(page, sectionId, shot) {
	const link = page.locator(`#${sectionId} a.item-name`).first();
	await see(page, link, `a lesson under #${sectionId}`);
	const name = (await link.innerText()).trim();
	await link.click();
	await page.waitForURL((u) => /^\/platform\/sessions\/\d+$/.test(u.pathname));
	await seeHeading(page, name);
	await screenshot(page, shot);
}

// The demo classroom channel from "All classrooms", with its past
// sessions.
async function demoChannel(page, role, width) {
	await visit(page, page.locator('#live-now').getByRole('link', { name: 'All classrooms' }),
	    'Classrooms', `home-${role}-${width}-classrooms.png`);
	// Other channels may come first: turn the pages until it shows.
	const demo = page.getByRole('link', { name: 'Demo classroom', exact: true });
	while (await demo.count() === 0) {
		const next = page.getByRole('link', { name: 'Next page' });
		assert.ok(await next.count() > 0, 'the demo channel is in the list');
		await next.click();
		await seeHeading(page, 'Classrooms');
	}
	await visit(page, demo, 'Demo classroom', `home-${role}-${width}-channel.png`);
	await see(page, page.locator('#past').getByText('Weekly questions and answers'),
	    'a past session of the demo channel');
}

for (const width of WIDTHS) {
	const viewport = { width, height: width > 400 ? 900 : 640 };

	test(`the demo learner's home page at ${width} px leads to every page of theirs`, async (t) => {
		await withPage(browser, t, { viewport }, async (page) => {
			const name = 'Lena Learner';
			await dashboard(page, 'learner', 0, name, width,
			    ['Live now', 'Today', 'Coming next', 'My training sessions', 'Notifications', 'Learning']);
			await visit(page, page.locator('#today').getByRole('link', { name: 'This week' }),
			    'Schedule', `home-learner-${width}-schedule.png`);
			await home(page, name);
			await openLesson(page, 'today', `home-learner-${width}-lesson.png`);
			await home(page, name);
			await demoChannel(page, 'learner', width);
			await home(page, name);
			await visit(page, page.locator('#my-training').getByRole('link', { name: 'My sessions' }),
			    'My sessions', `home-learner-${width}-my-sessions.png`);
			await home(page, name);
			await visit(page, page.locator('#my-training').getByRole('link', { name: 'Evening courses' }),
			    'Evening courses', `home-learner-${width}-training.png`);
			await home(page, name);
			await visit(page, page.getByRole('link', { name: 'All notifications' }),
			    'Notifications', `home-learner-${width}-notifications.png`);
		});
	});

	test(`the demo teacher's home page at ${width} px leads to every page of theirs`, async (t) => {
		await withPage(browser, t, { viewport }, async (page) => {
			const name = 'Tess Teacher';
			await dashboard(page, 'teacher', 0, name, width,
			    ['Live now', 'Today', 'Lessons to complete', 'Attendance, last 30 days',
			    'Sessions you coach', 'Notifications', 'Teaching']);
			await see(page, page.locator('#attendance-table'), 'the attendance of the demo learners');
			await openLesson(page, 'to-complete', `home-teacher-${width}-lesson-to-complete.png`);
			await home(page, name);
			await openLesson(page, 'today', `home-teacher-${width}-lesson.png`);
			await home(page, name);
			await visit(page, page.locator('#today').getByRole('link', { name: 'This week' }),
			    'Schedule', `home-teacher-${width}-schedule.png`);
			await home(page, name);
			await demoChannel(page, 'teacher', width);
			await home(page, name);
			await visit(page, page.locator('main').getByRole('link', { name: 'Enrollments', exact: true }),
			    'Enrollments', `home-teacher-${width}-enrollments.png`);
			await home(page, name);
			await visit(page, page.locator('#my-training').getByRole('link', { name: 'My sessions' }),
			    'My sessions', `home-teacher-${width}-my-sessions.png`);
			await home(page, name);
			await visit(page, page.getByRole('link', { name: 'All notifications' }),
			    'Notifications', `home-teacher-${width}-notifications.png`);
		});
	});

	test(`the demo administrator's home page at ${width} px leads to the administration`, async (t) => {
		await withPage(browser, t, { viewport }, async (page) => {
			const name = 'Ada Administrator';
			await dashboard(page, 'admin', 0, name, width,
			    ['Live now', 'Sessions starting this week', 'Mail and imports', 'The school',
			    'Notifications', 'Administration']);
			await see(page, page.locator('#count-training').getByText(/sessions? in all/),
			    'the number of training sessions');
			const main = page.locator('main');
			await visit(page, main.getByRole('link', { name: 'Users', exact: true }),
			    'Users', `home-admin-${width}-users.png`);
			await home(page, name);
			await visit(page, main.getByRole('link', { name: 'Sessions', exact: true }),
			    'Sessions', `home-admin-${width}-sessions.png`);
			await page.getByLabel('Name contains').fill('Evening courses');
			await page.getByRole('button', { name: 'Filter' }).click();
			await visit(page, page.getByRole('link', { name: 'Evening courses', exact: true }),
			    'Evening courses', `home-admin-${width}-training.png`);
			await home(page, name);
			await visit(page, main.getByRole('link', { name: 'Enrollments', exact: true }),
			    'Enrollments', `home-admin-${width}-enrollments.png`);
			await home(page, name);
			await visit(page, main.getByRole('link', { name: 'Schedule', exact: true }),
			    'Schedule', `home-admin-${width}-schedule.png`);
			await home(page, name);
			await visit(page, page.getByRole('link', { name: 'All notifications' }),
			    'Notifications', `home-admin-${width}-notifications.png`);
			assert.ok(BASE, 'the stack\'s address is known');
		});
	});
}
