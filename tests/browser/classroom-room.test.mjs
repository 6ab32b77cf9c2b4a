// The room page in a real browser: a channel admin and a member have the
// room open side by side; a chat message typed by one appears for the
// other without a reload, a poll the admin creates appears for the
// member, whose answer shows up in the admin's live counts.  The
// channel and its session are written straight into the database (the
// channel pages are another part of Lectern).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BASE, account, launch, screenshot, see, signIn, unique, withPage, quote, sql, userId } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A channel with its admin and a member, and an active session in it.
function activeSession(adminEmail, memberEmail, name) {
	const channel = unique('Channel ');
	sql(`INSERT INTO channels (name, created_at, updated_at) VALUES (${quote(channel)}, ` +
	    'UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	const cid = Number(sql(`SELECT id FROM channels WHERE name = ${quote(channel)}`)[0][0]);
	sql('INSERT INTO channel_members (channel_id, user_id, is_admin, added_at) VALUES ' +
	    `(${cid}, ${userId(adminEmail)}, 1, UTC_TIMESTAMP()), ` +
	    `(${cid}, ${userId(memberEmail)}, 0, UTC_TIMESTAMP())`);
	const meeting = randomBytes(16).toString('hex');
	sql('INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name, status, ' +
	    'active_key, started_at, created_at, updated_at) VALUES ' +
	    `(${cid}, 'bbb', '${meeting}', ${quote(name)}, 'active', 'c${cid}', ` +
	    'UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	return Number(sql(`SELECT id FROM classroom_sessions WHERE meeting_id = '${meeting}'`)[0][0]);
}

test('chat and polls stay current in the room without reloading', async (t) => {
	const teacher = account('teacher', 0);
	const learner = account('learner', 0);
	const name = unique('Room ');
	const sid = activeSession(teacher.email, learner.email, name);
	const path = `/platform/classroom/${sid}`;
	const said = `Good morning ${unique('m')}`;
	const question = `Ready for the quiz ${unique('q')}?`;

	await withPage(browser, t, async (tp) => {
		await signIn(tp, teacher.email, teacher.password);
		await tp.goto(BASE + path);
		await see(tp, tp.getByRole('heading', { name }), 'the session name');

		await withPage(browser, t, async (lp) => {
			await signIn(lp, learner.email, learner.password);
			await lp.goto(BASE + path);
			await see(lp, lp.getByRole('button', { name: 'Join Session' }), 'Join Session');
			// A mark that a reload would wipe out.
			await lp.evaluate(() => { window.roomMark = 1; });

			// The learner sends with Enter; the message shows at once.
			await lp.getByLabel('Message').fill(said);
			await lp.getByLabel('Message').press('Enter');
			await see(lp, lp.locator('#chat-log').getByText(said), 'the sent message');
			assert.equal(await lp.getByLabel('Message').inputValue(), '');
			assert.equal(await lp.evaluate(() => window.roomMark), 1, 'the page was reloaded');
			// The scrolling log is a labelled log the keyboard reaches.
			const log = lp.getByRole('log', { name: 'Chat' });
			await see(lp, log.getByText(said), 'the message in the log named Chat');
			await lp.getByLabel('Message').focus();
			await lp.keyboard.press('Shift+Tab');
			assert.equal(await lp.evaluate(() => document.activeElement.id), 'chat-log',
			    'Shift+Tab from the message box lands on the chat log');

			// The teacher's page picks it up by itself.
			await tp.evaluate(() => { window.roomMark = 1; });
			await tp.locator('#chat-log').getByText(said).waitFor({ timeout: 15000 });
			assert.equal(await tp.evaluate(() => window.roomMark), 1);

			// An empty message gets the server's message beside the form.
			await lp.getByLabel('Message').fill('   ');
			await lp.getByRole('button', { name: 'Send' }).click();
			await see(lp, lp.getByText('Write a message first.'), 'the empty-message error');

			// A poll: the teacher creates it (a plain form post).
			await tp.getByLabel('Question').fill(question);
			await tp.getByLabel('Answer 1', { exact: true }).fill('Yes');
			await tp.getByLabel('Answer 2', { exact: true }).fill('Not yet');
			await tp.getByRole('button', { name: 'Create poll' }).click();
			await see(tp, tp.getByRole('heading', { name: question }), 'the poll');
			await tp.evaluate(() => { window.roomMark = 1; });

			// It reaches the learner's open page; the learner answers.
			const poll = lp.locator('article.poll', { hasText: question });
			await poll.waitFor({ timeout: 20000 });
			await poll.getByLabel('Not yet').check();
			await poll.getByRole('button', { name: 'Answer' }).click();
			await see(lp, lp.getByText('Thank you, your answer was recorded'), 'the thanks');
			assert.equal(await lp.locator('article.poll .votes').count(), 0,
			    'the learner sees no counts before the poll is closed');

			// The teacher's counts follow without a reload.
			const row = tp.locator('article.poll', { hasText: question })
			    .locator('tr.result[data-idx="2"] .votes');
			await tp.waitForFunction((sel) => {
				const el = document.querySelector(sel);
				return el && el.textContent.trim() === '1';
			}, `#poll-list tr.result[data-idx="2"] .votes`, { timeout: 20000 });
			assert.equal((await row.innerText()).trim(), '1');
			assert.equal(await tp.evaluate(() => window.roomMark), 1);
			await screenshot(tp, 'room-moderator');
			await screenshot(lp, 'room-participant');
		});
	});
});
