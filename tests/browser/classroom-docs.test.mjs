// A session record's documents and whiteboards in a real browser: the
// channel's admin uploads a PDF and a whiteboard snapshot (a PNG made
// here) from the session summary, the Documents card offers the PDF as
// a download of its own, the Whiteboards card shows the snapshot as a
// thumbnail that opens the picture.  The page passes axe-core and fits
// a narrow screen.  The channel and its ended session are written
// straight into the database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { BASE, account, checkAxe, checkNarrow, launch, quote, see, seeHeading, signIn, sql, unique, userId,
    withPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// CRC-32 of a PNG chunk.
function crc32(buf) {
	let c = ~0;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++)
			c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

// A w x h PNG: a blue diagonal stroke on white.
function png(w, h) {
	const rows = Buffer.alloc((w * 3 + 1) * h, 255);
	for (let y = 0; y < h; y++) {
		rows[y * (w * 3 + 1)] = 0;
		const x = Math.floor(y * w / h);
		rows.fill(0, y * (w * 3 + 1) + 1 + x * 3, y * (w * 3 + 1) + 1 + x * 3 + 2);
	}
	const chunk = (kind, data) => {
		const len = Buffer.alloc(4), crc = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(kind), data])));
		return Buffer.concat([len, Buffer.from(kind), data, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; ihdr[9] = 2;
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

// A channel with its admin and a member and an ended session; its id.
function pastSession(adminEmail, memberEmail, name) {
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
	return Number(sql(`SELECT id FROM classroom_sessions WHERE meeting_id = '${meeting}'`)[0][0]);
}

test('a moderator adds a document and a whiteboard to a session record and opens them', async (t) => {
	const teacher = account('teacher', 0);
	const learner = account('learner', 0);
	const name = unique('Review ');
	const sid = pastSession(teacher.email, learner.email, name);

	await withPage(browser, t, async (page) => {
		await signIn(page, teacher.email, teacher.password);
		await page.goto(`${BASE}/platform/classroom/${sid}/summary`);
		await seeHeading(page, name);
		await see(page, page.locator('#nothing-produced'), 'the empty state');

		const docs = page.locator('#documents');
		await see(page, docs.getByText('No documents.'), 'the empty Documents card');
		await docs.getByLabel(/Add a document/).setInputFiles({
			name: 'handout.pdf', mimeType: 'application/pdf', buffer: PDF });
		await docs.getByLabel(/^Title/).fill('Week 3 handout');
		await docs.getByRole('button', { name: 'Upload document' }).click();
		await see(page, page.getByText('The document was added.'), 'the confirmation');
		await see(page, docs.getByRole('link', { name: 'Week 3 handout' }), 'the document listed');
		const who = sql(`SELECT name FROM users WHERE id = ${userId(teacher.email)}`)[0][0];
		await see(page, docs.getByText(new RegExp(`PDF, ${PDF.length} bytes · Added .* by ${who}`)),
		    'its type, size, time and uploader');
		assert.equal(await page.locator('#nothing-produced').count(), 0);

		const boards = page.locator('#whiteboards');
		await see(page, boards.getByText('No whiteboards.'), 'the empty Whiteboards card');
		await boards.getByLabel(/Add a whiteboard/).setInputFiles({
			name: 'board.png', mimeType: 'image/png', buffer: png(200, 120) });
		await boards.getByRole('button', { name: 'Upload whiteboard' }).click();
		await see(page, page.getByText('The whiteboard was added.'), 'the confirmation');
		const thumb = boards.locator('.whiteboard-card img');
		await see(page, thumb, 'the thumbnail');
		const natural = await thumb.evaluate((img) => img.complete ? img.naturalWidth : new Promise((done) =>
			img.addEventListener('load', () => done(img.naturalWidth), { once: true })));
		assert.equal(natural, 200, 'the snapshot kept its size');

		await checkAxe(page, 'the session summary with documents and whiteboards');
		await checkNarrow(page, 'the session summary with documents and whiteboards');

		// The document is a download of its own type.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			docs.getByRole('link', { name: 'Week 3 handout' }).click(),
		]);
		assert.equal(download.suggestedFilename(), 'handout.pdf');
		const body = await new Promise((resolve, reject) => {
			download.createReadStream().then((s) => {
				const parts = [];
				s.on('data', (c) => parts.push(c));
				s.on('end', () => resolve(Buffer.concat(parts)));
				s.on('error', reject);
			}, reject);
		});
		assert.deepEqual(body, PDF);

		// The whiteboard opens on a page of its own, the picture whole.
		await boards.getByRole('link', { name: 'board' }).click();
		await seeHeading(page, 'Whiteboard: board');
		const big = page.getByRole('img', { name: 'Whiteboard: board' });
		await see(page, big, 'the whiteboard');
		assert.equal(await big.evaluate((img) => img.complete && img.naturalHeight), 120);
		const picture = await page.request.get(await page.locator('#whiteboard-image').evaluate((a) => a.href));
		assert.equal(picture.status(), 200);
		assert.equal(picture.headers()['content-type'], 'image/jpeg');
		assert.equal(picture.headers()['x-content-type-options'], 'nosniff');
		await checkAxe(page, 'a whiteboard');
		await checkNarrow(page, 'a whiteboard');
		await page.getByRole('link', { name: 'Session summary' }).click();
		await seeHeading(page, name);
	});
});
