// A past session's transcript in a real browser: the channel's admin
// uploads a WebVTT file from the session summary, opens it from the
// Transcriptions card, and finds the lines grouped by speaker beside the
// session's recording.  The recording is a short WAV file made here and
// served by a small server of the test (with byte ranges, as a media
// server would): clicking a line seeks the player there and highlights
// it, playing on highlights the line being spoken, "Download" gives the
// text file.  The channel and its ended session are written straight
// into the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { BASE, account, launch, screenshot, see, seeHeading, signIn, unique, withPage, quote, sql, userId } from './lib.mjs';

let browser;
let media;
before(async () => { browser = await launch(); });
after(async () => {
	await browser?.close();
	await new Promise((done) => (media ? media.close(done) : done()));
});

// A WAV file of seconds of a quiet tone: 8 kHz, 8 bits, mono.
function wav(seconds) {
	const rate = 8000, n = rate * seconds;
	const b = Buffer.alloc(44 + n);
	b.write('RIFF', 0); b.writeUInt32LE(36 + n, 4); b.write('WAVE', 8);
	b.write('fmt ', 12); b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20);
	b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate, 28);
	b.writeUInt16LE(1, 32); b.writeUInt16LE(8, 34); b.write('data', 36);
	b.writeUInt32LE(n, 40);
	for (let i = 0; i < n; i++)
		b[44 + i] = 128 + Math.round(8 * Math.sin(i * 2 * Math.PI * 440 / rate));
	return b;
}

// Serve body at /recording.wav on a free loopback port; its address.
function serveMedia(body) {
	return new Promise((resolve) => {
		media = createServer((req, res) => {
			const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
			const head = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
			if (range) {
				const from = Number(range[1]);
				const to = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
				res.writeHead(206, { ...head, 'Content-Range': `bytes ${from}-${to}/${body.length}`,
				    'Content-Length': to - from + 1 });
				res.end(body.subarray(from, to + 1));
				return;
			}
			res.writeHead(200, { ...head, 'Content-Length': body.length });
			res.end(body);
		});
		media.listen(0, '127.0.0.1', () =>
			resolve(`http://127.0.0.1:${media.address().port}/recording.wav`));
	});
}

// A channel with its admin and a member, an ended session in it with a
// published recording at url; the session's id.
function pastSession(adminEmail, memberEmail, name, url) {
	const channel = unique('Channel ');
	sql(`INSERT INTO channels (name, created_at, updated_at) VALUES (${quote(channel)}, ` +
	    'UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	const cid = Number(sql(`SELECT id FROM channels WHERE name = ${quote(channel)}`)[0][0]);
	sql('INSERT INTO channel_members (channel_id, user_id, is_admin, added_at) VALUES ' +
	    `(${cid}, ${userId(adminEmail)}, 1, UTC_TIMESTAMP()), ` +
	    `(${cid}, ${userId(memberEmail)}, 0, UTC_TIMESTAMP())`);
	const meeting = randomBytes(16).toString('hex');
	sql('INSERT INTO classroom_sessions (channel_id, provider, meeting_id, name, status, ' +
	    'started_at, ended_at, created_at, updated_at) VALUES ' +
	    `(${cid}, 'bbb', '${meeting}', ${quote(name)}, 'ended', ` +
	    'UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())');
	const sid = Number(sql(`SELECT id FROM classroom_sessions WHERE meeting_id = '${meeting}'`)[0][0]);
	sql('INSERT INTO classroom_recordings (session_id, record_id, state, playback_url, ' +
	    `updated_at) VALUES (${sid}, '${meeting}-rec', 'published', ${quote(url)}, UTC_TIMESTAMP())`);
	return sid;
}

const VTT = 'WEBVTT\n\n' +
	'00:00:01.000 --> 00:00:03.000\n<v Tess Teacher>Good morning, everyone.\n\n' +
	'00:00:03.000 --> 00:00:05.000\n<v Tess Teacher>Open your books.\n\n' +
	'00:00:06.000 --> 00:00:09.000\n<v Lena Learner>Which chapter?\n\n' +
	'00:00:10.000 --> 00:00:14.000\n<v Liam Learner>Chapter three, I think.\n';

test('a transcript opened from the summary follows its recording', async (t) => {
	const teacher = account('teacher', 0);
	const learner = account('learner', 0);
	const name = unique('Review ');
	const url = await serveMedia(wav(16));
	const sid = pastSession(teacher.email, learner.email, name, url);

	await withPage(browser, t, async (page) => {
		await signIn(page, teacher.email, teacher.password);
		await page.goto(`${BASE}/platform/classroom/${sid}/summary`);
		await seeHeading(page, name);
		const card = page.locator('#transcriptions');
		await see(page, card.getByText('No transcriptions.'), 'the empty Transcriptions card');
		await card.getByLabel(/Add a transcript/).setInputFiles({
			name: 'review.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
		await card.getByRole('button', { name: 'Upload transcript' }).click();
		await seeHeading(page, `Transcript: ${name}`);

		// Back on the summary, the card opens the viewer.
		await page.getByRole('link', { name: 'Session summary', exact: true }).click();
		await see(page, card.getByText('Participants present: Lena Learner, Liam Learner and Tess Teacher'),
		    'the participants the transcript names');
		await card.getByRole('link', { name: 'review.vtt' }).click();
		await seeHeading(page, `Transcript: ${name}`);
		const speakers = await page.locator('.speaker-name').allInnerTexts();
		assert.deepEqual(speakers, ['Tess Teacher', 'Lena Learner', 'Liam Learner']);
		const segments = await page.locator('a.segment').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		assert.deepEqual(segments, [`${url}#t=1,5`, `${url}#t=6,9`, `${url}#t=10,14`]);
		await see(page, page.getByRole('button', { name: 'Copy' }), 'the Copy button');

		// A click on a line seeks the recording there and marks the line.
		const player = page.locator('#transcript-media');
		await player.evaluate((m) => new Promise((done) => {
			if (m.readyState >= 1) done(); else m.addEventListener('loadedmetadata', () => done(), { once: true });
		}));
		const lena = page.locator('.cue', { hasText: 'Which chapter?' });
		await lena.click();
		await see(page, page.locator('.cue.current', { hasText: 'Which chapter?' }), 'the clicked line highlighted');
		const at = await player.evaluate((m) => m.currentTime);
		assert.ok(at >= 6 && at < 9, `the player is at ${at} s`);
		await screenshot(page, 'transcript-viewer.png');
		// Played on, the highlight follows the recording.
		await player.evaluate((m) => { m.pause(); m.currentTime = 11; });
		await see(page, page.locator('.cue.current', { hasText: 'Chapter three' }), 'the line being spoken');
		assert.equal(await page.locator('.cue.current').count(), 1);

		// The text download.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download', exact: true }).click(),
		]);
		assert.match(download.suggestedFilename(), /^classroom-\d+-transcript-\d+\.txt$/);
		const text = await new Promise((resolve, reject) => {
			download.createReadStream().then((s) => {
				const parts = [];
				s.on('data', (c) => parts.push(c));
				s.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
				s.on('error', reject);
			}, reject);
		});
		assert.match(text, /\[0:06 - 0:09\] Lena Learner:\nWhich chapter\?\n/);
	});
});
