// A channel's analytics in a real browser: the demo
// channel's admin follows "Channel analytics" from the channel page and
// finds both charts (images with a name a screen reader reads), the
// table of sessions beside them and each learner's attendance; the page
// passes axe-core and fits a 320-pixel screen.  A learner of the same
// channel finds no link and is refused the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	BASE, account, checkAxe, checkNarrow, launch, screenshot, see,
	seeHeading, signIn, withPage,
} from './lib.mjs';

let browser;

// Open the demo channel from the Classrooms list, turning its pages
// while other channels come first.
async function demoChannel(page) {
	const demo = page.getByRole('link', { name: 'Demo classroom', exact: true });
	while (await demo.count() === 0) {
		const next = page.getByRole('link', { name: 'Next page' });
		assert.ok(await next.count() > 0, 'the demo channel is in the list');
		await next.click();
		await page.waitForLoadState();
	}
	await demo.click();
}

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a channel admin reads the channel analytics: charts, tables, attendance', async (t) => {
	// With JavaScript on: checkAxe and checkNarrow run in the page.
	await withPage(browser, t, async (page) => {
		const tess = account('teacher', 0);
		await signIn(page, tess.email, tess.password);
		await page.goto(`${BASE}/platform/channels`);
		await demoChannel(page);
		await seeHeading(page, 'Demo classroom');
		await page.getByRole('link', { name: 'Channel analytics' }).click();
		await seeHeading(page, 'Analytics: Demo classroom');

		for (const name of ['Learners present and their minutes',
		    'Chat messages and poll votes of learners']) {
			const chart = page.getByRole('img', { name });
			await see(page, chart, `the chart "${name}"`);
			assert.ok(await chart.locator('rect.bar').count() >= 2,
			    `the chart "${name}" has a bar per session`);
		}
		const sessions = page.locator('#sessions-table');
		await see(page, sessions, 'the table of sessions');
		assert.ok(await sessions.locator('tbody tr').count() >= 2);
		const learners = page.locator('#learners-table');
		await see(page, learners, 'the table of learners');
		const lena = learners.getByRole('row', { name: /Lena Learner/ });
		await see(page, lena, 'Lena among the learners');
		assert.match(await lena.innerText(), /\d+ of \d+/);
		assert.match(await lena.innerText(), /\d+%/);
		await see(page, page.getByRole('link', { name: 'Attendance (CSV)' }), 'the CSV link');
		await screenshot(page, 'classroom-analytics.png');
		await checkAxe(page, 'the channel analytics');
		await checkNarrow(page, 'the channel analytics');
	});
});

test('a learner of the channel has no analytics', async (t) => {
	await withPage(browser, t, { javaScriptEnabled: false }, async (page) => {
		const lena = account('learner', 0);
		await signIn(page, lena.email, lena.password);
		await page.goto(`${BASE}/platform/channels`);
		await demoChannel(page);
		await seeHeading(page, 'Demo classroom');
		assert.equal(await page.getByRole('link', { name: 'Channel analytics' }).count(), 0);
		const r = await page.goto(`${page.url().replace(/[?#].*$/, '')}/analytics`);
		assert.equal(r.status(), 403);
	});
});
