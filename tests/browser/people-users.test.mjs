// The administrator's pages in a real browser: finding a user, adding
// one (who then signs in and chooses a password), and importing users
// from a CSV file through the upload form.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
	BASE, account, launch, screenshot, see, seeHeading, seeText, signIn,
	unique, where, withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signInAsAdmin(page) {
	const admin = account('admin');
	await signIn(page, admin.email, admin.password);
	await seeHeading(page, 'Welcome, Ada Administrator');
}

test('the administrator finds a learner by part of the name', async (t) => {
	await withPage(browser, t, async (page) => {
		await signInAsAdmin(page);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Users', exact: true }).click();
		await seeHeading(page, 'Users');
		assert.equal(where(page), '/admin/users');
		const rows = page.locator('table.list tbody tr');
		await see(page, rows.filter({ hasText: 'admin@lectern.test' }), 'the administrator in the list');
		await screenshot(page, 'users-list.png');

		await page.getByLabel('Search by name or email').fill('ucia Lear');
		await page.getByRole('button', { name: 'Search' }).click();
		await page.waitForURL((u) => u.searchParams.get('q') === 'ucia Lear');
		await see(page, rows.filter({ hasText: 'lucia.learner@lectern.test' }), 'Lucia Learner in the results');
		for (const text of await rows.allInnerTexts())
			assert.match(text, /ucia Lear/i, 'every row found matches the search');
		assert.equal(await rows.filter({ hasText: 'admin@lectern.test' }).count(), 0,
		    'the administrator is not among the results');
		assert.equal(await page.locator('#q').inputValue(), 'ucia Lear', 'the search box keeps the words');

		await page.getByRole('link', { name: 'Lucia Learner', exact: true }).click();
		await seeHeading(page, 'Edit user');
		assert.match(new URL(page.url()).pathname, /^\/admin\/users\/[0-9]+$/);
		assert.equal(await page.locator('#name').inputValue(), 'Lucia Learner');
		assert.equal(await page.locator('#email').inputValue(), 'lucia.learner@lectern.test');
		assert.equal(await page.locator('#role option:checked').innerText(), 'Learner');
		await see(page, page.getByRole('button', { name: 'Reset password' }), 'the "Reset password" button');
	});
});

test('a user added by the administrator signs in and chooses a password', async (t) => {
	const name = 'Browser Tester ' + unique('');
	const email = unique('browser-') + '@lectern.test';
	let temporary;
	await withPage(browser, t, async (page) => {
		await signInAsAdmin(page);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Users', exact: true }).click();
		await page.getByRole('link', { name: 'Add a user' }).click();
		await seeHeading(page, 'Add a user');
		await page.getByLabel('Name').fill(name);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Role').selectOption({ label: 'Teacher' });
		await page.getByRole('button', { name: 'Save' }).click();
		await seeHeading(page, 'User added');
		await see(page, page.locator('main strong', { hasText: name }), 'the new user\'s name');
		await seeText(page, email);
		temporary = (await page.locator('#temporary-password').innerText()).trim();
		assert.match(temporary, /^\S{10,}$/, 'a temporary password is shown');
		await screenshot(page, 'user-added.png');
	});

	// The new user, in a browser of their own.
	const chosen = 'Chosen-' + unique('pw');
	await withPage(browser, t, async (page) => {
		const response = await signIn(page, email, temporary);
		assert.equal(response.status(), 303);
		// Only the password form opens until they chose their own.
		await seeHeading(page, 'Your account');
		assert.equal(where(page), '/account');
		await see(page, page.locator('dl.facts').getByText('Teacher', { exact: true }), 'the role');
		await seeText(page, 'You are using a temporary password. Please choose your own before using Lectern.');
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Home', exact: true }).click();
		await seeHeading(page, 'Your account');
		assert.equal(where(page), '/account');
		await page.getByLabel('Current password').fill(temporary);
		await page.locator('#new_password').fill(chosen);
		await page.getByLabel('Repeat the new password').fill(chosen);
		await page.getByRole('button', { name: 'Change password' }).click();
		await see(page, page.getByRole('status').getByText('Your password was changed.'),
		    'the confirmation');
		assert.equal(await page.getByText('You are using a temporary password').count(), 0,
		    'the temporary-password notice is gone');
		await page.getByRole('link', { name: 'Home', exact: true }).click();
		await seeHeading(page, `Welcome, ${name}`);
		assert.equal(await page.getByText('You are using a temporary password').count(), 0);
	});

	// The chosen password is the one that works now.
	await withPage(browser, t, async (page) => {
		const response = await signIn(page, email, chosen);
		assert.equal(response.status(), 303);
		await seeHeading(page, `Welcome, ${name}`);
	});
});

test('the administrator imports users from a CSV file', async (t) => {
	const tag = unique('imp');
	const people = [
		{ name: `Imported Learner ${tag}`, email: `${tag}-learner@lectern.test`, role: 'learner', tz: 'Europe/Rome' },
		{ name: `Imported Teacher ${tag}`, email: `${tag}-teacher@lectern.test`, role: 'teacher', tz: '' },
	];
	const dir = mkdtempSync(join(tmpdir(), 'lectern-browser-'));
	const file = join(dir, 'new-users.csv');
	writeFileSync(file, 'name,email,role,timezone\r\n' +
	    people.map((p) => [p.name, p.email, p.role, p.tz].join(',') + '\r\n').join(''));
	try {
		await withPage(browser, t, async (page) => {
			await signInAsAdmin(page);
			await page.getByRole('navigation', { name: 'Main' })
			    .getByRole('link', { name: 'Users', exact: true }).click();
			await page.getByRole('link', { name: 'Import from CSV' }).click();
			await seeHeading(page, 'Import users');
			await page.getByLabel('CSV file').setInputFiles(file);
			await page.getByRole('button', { name: 'Check file' }).click();

			await seeHeading(page, 'Import preview');
			await seeText(page, '2 rows, 2 correct, 0 with problems');
			const preview = page.locator('#good-rows tbody tr');
			assert.equal(await preview.count(), 2);
			for (const p of people)
				await see(page, preview.filter({ hasText: p.email }), `${p.email} in the preview`);
			await see(page, page.locator('main strong', { hasText: 'new-users.csv' }), 'the file name');
			await screenshot(page, 'import-preview.png');

			await page.getByRole('button', { name: 'Import 2 users' }).click();
			await seeHeading(page, 'Users imported');
			await seeText(page, '2 users were created');
			const rows = page.locator('#imported tbody tr');
			assert.equal(await rows.count(), 2);
			for (const p of people) {
				const row = rows.filter({ hasText: p.email });
				await see(page, row, `${p.email} among the imported users`);
				assert.match(await row.locator('code').innerText(), /\/welcome\?t=[A-Za-z0-9_-]{32}$/,
				    'each user gets a one-time link');
			}
			await screenshot(page, 'import-result.png');

			// They are in the user list now.
			await page.getByRole('link', { name: 'All users' }).click();
			await page.getByLabel('Search by name or email').fill(tag);
			await page.getByRole('button', { name: 'Search' }).click();
			await see(page, page.getByRole('link', { name: people[1].name }), 'the imported teacher in the list');
			assert.equal(await page.locator('table.list tbody tr').count(), 2);
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
