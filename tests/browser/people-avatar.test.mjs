// A user's picture in a real browser: uploading one on the account page
// (it shows, drawn from Lectern's own re-encoded copy), a file that is
// not a picture refused next to the form, and "Remove picture".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import {
	account, launch, screenshot, see, seeHeading, seeText, signIn,
	signInFirstTime, unique, withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The CRC-32 of PNG chunks.
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) {
		c ^= b;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(4);
	head.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([head, body, crc]);
}

// A w x h RGB PNG: a blue disc on orange.
function png(w, h) {
	const rows = [];
	for (let y = 0; y < h; y++) {
		const row = Buffer.alloc(1 + 3 * w);
		for (let x = 0; x < w; x++) {
			const d = (x - w / 2) ** 2 + (y - h / 2) ** 2 < (h / 3) ** 2;
			row.set(d ? [40, 90, 200] : [240, 150, 40], 1 + 3 * x);
		}
		rows.push(row);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))),
	    chunk('IEND', Buffer.alloc(0))]);
}

test('a user uploads a picture, a page is refused, and the picture is removed', async (t) => {
	const name = 'Picture Person ' + unique('');
	const email = unique('picture-') + '@lectern.test';
	const dir = mkdtempSync(join(tmpdir(), 'lectern-browser-'));
	const photo = join(dir, 'me.png');
	const fake = join(dir, 'page.png');
	writeFileSync(photo, png(240, 180));
	writeFileSync(fake, '<!DOCTYPE html><title>x</title><p>not a picture');
	let temporary;
	try {
		await withPage(browser, t, async (page) => {
			const admin = account('admin');
			await signIn(page, admin.email, admin.password);
			await page.goto(new URL('/admin/users/new', page.url()).href);
			await page.getByLabel('Name').fill(name);
			await page.getByLabel('Email').fill(email);
			await page.getByRole('button', { name: 'Save' }).click();
			await seeHeading(page, 'User added');
			temporary = (await page.locator('#temporary-password').innerText()).trim();
		});
		await withPage(browser, t, async (page) => {
			await signInFirstTime(page, email, temporary);
			await page.goto(new URL('/account', page.url()).href);
			await seeHeading(page, 'Picture');
			await seeText(page, 'You have no picture.');

			await page.getByLabel('Choose a picture').setInputFiles(photo);
			await page.getByRole('button', { name: 'Upload picture' }).click();
			await seeText(page, 'Your picture was saved.');
			const img = page.getByRole('img', { name: 'Your picture' });
			await see(page, img, 'the picture');
			await page.waitForFunction(() => {
				const i = document.querySelector('.avatar-current img');
				return i && i.complete && i.naturalWidth > 0;
			});
			assert.equal(await img.evaluate((i) => i.naturalWidth), 128,
			    'the picture shown is Lectern\'s 128-pixel square');
			await screenshot(page, 'account-picture.png');

			await page.getByLabel('Choose a picture').setInputFiles(fake);
			await page.getByRole('button', { name: 'Upload picture' }).click();
			await see(page, page.getByRole('alert').getByText('This file is not a PNG or JPEG picture.'),
			    'the refusal next to the form');
			await see(page, page.getByRole('img', { name: 'Your picture' }), 'the picture, unchanged');

			await page.getByRole('button', { name: 'Remove picture' }).click();
			await seeText(page, 'Your picture was removed; your initials are shown instead.');
			await seeText(page, 'You have no picture.');
			assert.equal(await page.getByRole('img', { name: 'Your picture' }).count(), 0);
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
