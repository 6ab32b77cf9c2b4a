// The search of past classroom sessions in a real browser: a learner
// reaches it from the Classrooms list, from a channel's page and from
// the home page, finds a word in a chat message (marked in the
// result, markup shown as text) and in a transcript line, and opens
// each result.  The page works without JavaScript (a GET form), so the
// search runs with JavaScript off too.  The channel, its ended session,
// chat and transcript are written straight into the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BASE, account, checkAxe, checkNarrow, launch, screenshot, see, seeHeading, signIn, unique, withPage,
	quote, sql, userId } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A channel with the member, an ended session named name with a chat
// message and a transcript line holding word; [channel, session id].
function archive(memberEmail, name, word) {
	const channel = unique('Channel ');
	sql(`INSERT INTO channels (name, created_at, updated_at) VALUES (${quote(channel)}, ` +
	    'UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	const cid = Number(sql(`SELECT id FROM channels WHERE name = ${quote(channel)}`)[0][0]);
	const uid = userId(memberEmail);
	sql('INSERT INTO channel_members (channel_id, user_id, is_admin, added_at) VALUES ' +
	    `(${cid}, ${uid}, 0, UTC_TIMESTAMP())`);
	const meeting = randomBytes(16).toString('hex');
	sql('INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name, status, ' +
	    'started_at, ended_at, created_at, updated_at) VALUES ' +
	    `(${cid}, 'bbb', '${meeting}', ${quote(name)}, 'ended', ` +
	    'UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	const sid = Number(sql(`SELECT id FROM classroom_sessions WHERE meeting_id = '${meeting}'`)[0][0]);
	sql('INSERT INTO classroom_chat (session_id, user_id, body, posted_at) VALUES ' +
	    `(${sid}, ${uid}, ${quote(`<b>Where</b> is ${word}?`)}, UTC_TIMESTAMP())`);
	sql('INSERT INTO classroom_transcripts (session_id, filename, cues, duration_ms, created_at) ' +
	    `VALUES (${sid}, 'talk.vtt', 1, 9000, UTC_TIMESTAMP())`);
	const tid = Number(sql(`SELECT MAX(id) FROM classroom_transcripts WHERE session_id = ${sid}`)[0][0]);
	sql('INSERT INTO classroom_transcript_cues (transcript_id, idx, start_ms, end_ms, speaker, body) ' +
	    `VALUES (${tid}, 0, 4000, 9000, 'Tess Teacher', ${quote(`Today we read ${word} together.`)})`);
	return [channel, sid];
}

test('a learner searches past sessions from the pages they click to', async (t) => {
	const learner = account('learner', 0);
	const word = unique('word');
	const name = unique('Reading ');
	const [channel, sid] = archive(learner.email, name, word);

	await withPage(browser, t, async (page) => {
		await signIn(page, learner.email, learner.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Classrooms' }).click();
		const form = page.getByRole('search');
		await form.getByLabel(/Search past sessions/).fill(word);
		await form.getByRole('button', { name: 'Search' }).click();
		await seeHeading(page, 'Search sessions');
		const results = page.locator('#results li');
		await see(page, results.first(), 'the results');
		assert.equal(await results.count(), 2);
		// The transcript line (the session's transcripts come before its chat).
		assert.deepEqual(await page.locator('#results .badge').allInnerTexts(), ['Transcript', 'Chat']);
		const chat = results.nth(1);
		assert.equal(await chat.locator('mark').innerText(), word);
		assert.match(await chat.locator('.snippet').innerText(), new RegExp(`<b>Where</b> is ${word}\\?`));
		assert.equal(await chat.locator('b').count(), 0, 'the markup stays text');
		await checkAxe(page, 'the search results');
		await checkNarrow(page, 'the search results');
		await screenshot(page, 'classroom-search.png');

		// The chat result opens the chat at the message.
		await chat.getByRole('link', { name }).click();
		await seeHeading(page, `Chat: ${name}`);
		await see(page, page.locator('#chat li', { hasText: `is ${word}?` }), 'the message found');

		// The transcript result opens the viewer at the line.
		await page.goBack();
		await results.first().getByRole('link', { name }).click();
		await seeHeading(page, `Transcript: ${name}`);
		assert.match(page.url(), /#cue-0$/);
		await see(page, page.locator('#cue-0', { hasText: word }), 'the line found');

		// The channel's page searches its own sessions.
		await page.goto(`${BASE}/platform/channels`);
		await page.locator('li.channel', { hasText: channel }).getByRole('link', { name: channel }).click();
		await page.getByLabel("Search this channel's past sessions").fill(word);
		await page.locator('#channel-search').getByRole('button', { name: 'Search' }).click();
		await see(page, page.locator('#search-scope', { hasText: channel }), 'the channel searched');
		assert.equal(await results.count(), 2);
		assert.ok(page.url().includes(`/platform/search?`), page.url());
		assert.equal(await page.locator(`a[href^="/platform/classroom/${sid}/"]`).count(), 2);

		// And the home page links to the search.
		await page.goto(`${BASE}/`);
		await page.getByRole('link', { name: 'Search sessions' }).click();
		await seeHeading(page, 'Search sessions');
		await page.getByLabel('Words to find').fill('+ -');
		await page.locator('#search-form').getByRole('button', { name: 'Search' }).click();
		await see(page, page.locator('#q-error'), 'the message for a search of signs only');
	});

	// Without JavaScript the form works the same.
	await withPage(browser, t, { javaScriptEnabled: false }, async (page) => {
		await signIn(page, learner.email, learner.password);
		await page.goto(`${BASE}/platform/search`);
		await page.getByLabel('Words to find').fill(word);
		await page.locator('#search-form').getByRole('button', { name: 'Search' }).click();
		await see(page, page.locator('#results mark', { hasText: word }), 'a marked result');
	});
});
