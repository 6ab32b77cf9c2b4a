// Classroom channels in a real browser: an administrator makes a channel
// with a learner in it, starts a classroom with the seed's options, sees
// it LIVE and joins it in a new tab, which lands on the BigBlueButton
// simulator's client as a moderator; the learner finds the LIVE badge and
// joins as a viewer; the administrator ends the session and finds it
// among the channel's past sessions with its summary.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	account, launch, screenshot, see, seeHeading, seeText, signIn, unique,
	withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Press a button that opens a new tab; returns that tab once loaded.
async function opensTab(context, page, button) {
	const [tab] = await Promise.all([
		context.waitForEvent('page'),
		button.click(),
	]);
	await tab.waitForLoadState();
	return tab;
}

// The role the simulator's client page says the user joined with.
async function joinedAs(tab) {
	const u = new URL(tab.url());
	assert.match(u.pathname, /^\/bigbluebutton\/sim\/client\//,
	    `the join landed on ${tab.url()}`);
	return await tab.locator('#role').innerText();
}

test('an administrator runs a classroom that a learner joins; it ends in the history', async (t) => {
	const tag = unique('class');
	const channel = `Physics ${tag}`;
	const sessionName = `Optics ${tag}`;
	const learner = account('learner', 2);		// Lucia Learner
	let channelUrl;

	await withPage(browser, t, async (page, context) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Channels' }).click();
		await page.getByRole('link', { name: 'Add a channel' }).click();
		await page.getByLabel('Name').fill(channel);
		await page.getByLabel('Description (optional)').fill('Light and lenses.');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByLabel('Find people by name or email').fill(learner.email);
		await page.getByRole('button', { name: 'Find' }).click();
		await page.getByRole('button', { name: 'Add Lucia Learner', exact: true }).click();
		await see(page, page.locator('#member-list').getByText('Lucia Learner'), 'Lucia among the members');

		// The channel as its admin sees it with no session.  (An
		// administrator's Classrooms list has every channel of the school.)
		await page.getByRole('link', { name: 'Open the classroom' }).click();
		channelUrl = page.url();
		await seeHeading(page, channel);
		await see(page, page.locator('#hero'), 'the hero');
		await screenshot(page, 'classroom-idle.png');

		await page.getByRole('link', { name: 'Start Classroom' }).click();
		await seeHeading(page, 'Start Classroom');
		for (const label of ['Session Name', 'Description', 'Record this session',
		    'Allow participants to enable camera', 'Allow participants to unmute microphone',
		    'Mute all participants on join', 'Send system notification',
		    'Send email notification'])
			await see(page, page.getByLabel(label, { exact: true }), `the option ${label}`);
		await page.getByLabel('Session Name', { exact: true }).fill(sessionName);
		await page.getByLabel('Description', { exact: true }).fill('Chapter 3: refraction.');
		await page.getByLabel('Record this session').check();
		await page.getByLabel('Mute all participants on join').check();
		await screenshot(page, 'classroom-start-form.png');
		await page.getByRole('button', { name: 'Start Classroom' }).click();

		await see(page, page.locator('#live-badge'), 'the LIVE badge');
		await seeText(page, sessionName);
		await see(page, page.getByRole('button', { name: 'End Session' }), 'End Session');
		await screenshot(page, 'classroom-live.png');

		const tab = await opensTab(context, page, page.getByRole('button', { name: 'Join Session' }));
		assert.equal(await joinedAs(tab), 'moderator', 'the administrator joins as a moderator');
		await see(tab, tab.getByText(sessionName), 'the session name in the client');
		await screenshot(tab, 'classroom-room.png');
		await tab.close();
	});

	await withPage(browser, t, async (page, context) => {
		await signIn(page, learner.email, learner.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Classrooms' }).click();
		const card = page.locator('li.channel', { hasText: channel });
		await see(page, card.getByText('LIVE'), 'the LIVE badge in the list');
		await card.getByRole('link', { name: channel }).click();
		await see(page, page.getByRole('button', { name: 'Join Session' }), 'Join Session');
		assert.equal(await page.getByRole('button', { name: 'End Session' }).count(), 0,
		    'a member has no End Session');
		const tab = await opensTab(context, page, page.getByRole('button', { name: 'Join Session' }));
		assert.equal(await joinedAs(tab), 'viewer', 'the learner joins as a viewer');
		await tab.close();
	});

	await withPage(browser, t, async (page) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		await page.goto(channelUrl);
		await page.getByRole('button', { name: 'End Session' }).click();
		// The first click only asks, saying what ending does.
		await seeText(page, 'Everyone in the room is disconnected');
		await page.getByRole('button', { name: 'End Session' }).click();
		await seeText(page, 'Session ended.');
		await see(page, page.locator('#hero'), 'the hero again');
		const past = page.locator('li.past-session', { hasText: sessionName });
		await see(page, past, 'the session among the past sessions');
		assert.equal(await past.locator('.avatar').count(), 2, 'two participants on the card');
		await screenshot(page, 'classroom-history.png');
		// The participation chart counts the ended session's two people.
		const chart = page.getByRole('img', { name: /Participants and minutes of the last 1 sessions/ });
		await see(page, chart, 'the participation chart');
		assert.deepEqual(await page.locator('#engagement-table tbody td:nth-child(2)').allInnerTexts(),
		    ['2'], 'the chart table lists two participants');
		await page.setViewportSize({ width: 1280, height: 900 });
		await screenshot(page, 'classroom-chart-1280.png');
		await past.getByRole('link', { name: sessionName }).click();
		await seeHeading(page, sessionName);
		await see(page, page.locator('#participants').getByText('Lucia Learner'), 'Lucia in the summary');
		await screenshot(page, 'classroom-summary.png');
	});
});
