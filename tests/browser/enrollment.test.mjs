// The attendance chart of an enrollment, as a teacher finds it: from
// the Enrollments list to the demo learner's enrollment, whose past
// lessons show as bars and a strip beside tables with the same figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, account, launch, screenshot, see, signIn, withPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a teacher sees the attendance chart of an enrollment', async (t) => {
	const teacher = account('teacher', 1);		// Theo Teacher
	await withPage(browser, t, { viewport: { width: 1280, height: 900 } }, async (page) => {
		await signIn(page, teacher.email, teacher.password);
		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Enrollments' }).click();
		// The demo's Lucia Learner in Mathematics Foundations.
		await page.getByRole('link', { name: 'Lucia Learner' }).first().click();
		await see(page, page.getByRole('heading', { name: 'Attendance' }), 'the attendance heading');
		const chart = page.getByRole('img', { name: /Attendance at the last \d+ lessons/ });
		await see(page, chart, 'the attendance chart');
		const box = await chart.boundingBox();
		assert.ok(box && box.width > 100 && box.height > 50, 'the chart has a size');
		const present = page.locator('#attendance-counts tr[data-kind="present"] td');
		assert.ok(Number(await present.innerText()) >= 1, 'the table counts a present lesson');
		const bar = page.locator('#attendance-bars rect[data-kind="present"]');
		assert.ok(Number(await bar.getAttribute('height')) > 0, 'the present bar has a height');
		assert.ok(await page.locator('#attendance-lessons tbody tr').count() >= 1,
		    'the lessons are listed');
		await screenshot(page, 'enrollment-attendance-1280.png');
		assert.ok(BASE);
	});
});
