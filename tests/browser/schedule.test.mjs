// Live lessons in a real browser: an administrator enrolls a learner
// with a new teacher; the teacher adds a recurring schedule rule, plans a
// group session, starts it, marks it completed and records attendance;
// the learner finds the session on their schedule.  The demo teacher's
// week is a time grid at 1280 px and a day-by-day agenda that fits a
// 320 px screen, and the month view is a click away.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	account, launch, screenshot, see, seeHeading, seeText, signIn, signInFirstTime, unique,
	where, withPage,
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

// The page's width as laid out (the screen's width when nothing sticks out).
function scrollWidth(page) {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

for (const width of [1280, 320]) {
	test(`the demo teacher's week and month at ${width} px`, async (t) => {
		const viewport = { width, height: width > 400 ? 900 : 640 };
		await withPage(browser, t, { viewport }, async (page) => {
			const tess = account('teacher', 0);
			await signIn(page, tess.email, tess.password);
			await page.getByRole('navigation', { name: 'Main' })
			    .getByRole('link', { name: 'Schedule' }).click();
			await seeHeading(page, 'Schedule');
			const grid = page.locator('#week-grid');
			await see(page, grid, 'the week');
			// The demo has lessons this week, and today is marked.
			const lessons = grid.locator('.cal-item');
			await see(page, lessons, 'a lesson of the week');
			await see(page, grid.locator('.cal-day.today .cal-today'), 'today marked');
			const display = await grid.evaluate((e) => getComputedStyle(e).display);
			if (width > 400) {
				assert.equal(display, 'grid', 'a time grid on a wide screen');
				// Each lesson sits inside its day's column, and a longer
				// lesson is taller than a shorter one's rows allow.
				const n = await lessons.count();
				for (let i = 0; i < n; i++) {
					const item = lessons.nth(i);
					const col = await item.locator('xpath=ancestor::section[1]').boundingBox();
					const box = await item.boundingBox();
					assert.ok(box.x >= col.x - 1 && box.x + box.width <= col.x + col.width + 1,
					    'a lesson inside its day\'s column');
					assert.ok(box.y > col.y, 'a lesson below its day\'s heading');
				}
				// The hours are labelled beside the grid, from 08:00 on.
				await see(page, grid.locator('.cal-hours').getByText('08:00'), 'the hour 08:00');
				// Every day is a column, even one without lessons.
				assert.equal(await grid.locator('section.cal-day:visible').count(), 7);
			} else {
				assert.notEqual(display, 'grid', 'a list of days on a narrow screen');
				// Only days with lessons take a card.
				const days = grid.locator('section.cal-day:visible');
				const nd = await days.count();
				assert.ok(nd >= 1 && nd < 7, `${nd} days shown`);
				for (let i = 0; i < nd; i++)
					assert.ok(await days.nth(i).locator('.cal-item').count() > 0,
					    'a day shown has lessons');
			}
			assert.ok(await scrollWidth(page) <= width,
			    `the week scrolls sideways at ${width} px`);
			await screenshot(page, `schedule-week-${width}.png`);

			await page.getByRole('link', { name: 'Month view' }).click();
			const month = page.locator('#month-grid');
			await see(page, month, 'the month');
			assert.match(where(page), /view=month/);
			// The lessons of this week are counted on their days.
			const busy = month.locator('td.busy');
			await see(page, busy, 'a day with lessons');
			assert.ok(await scrollWidth(page) <= width,
			    `the month scrolls sideways at ${width} px`);
			await screenshot(page, `schedule-month-${width}.png`);
			// A day leads to its week, and the week back to the month.
			const day = await busy.first().getAttribute('id');
			await busy.first().getByRole('link').click();
			await see(page, page.locator(`#day-${day.slice(6)}`), 'the day in its week');
			await see(page, page.locator(`#day-${day.slice(6)} .cal-item`), 'its lessons');
		});
	});
}
