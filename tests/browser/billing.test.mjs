// Tokens in a real browser: an administrator opens Token balances from
// the home page, grants a new learner tokens with a reason (after a
// refused deduction beyond the balance), and the learner reaches
// Billing from their home page by clicking and sees the entry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	account, checkAxe, checkNarrow, launch, seeHeading, seeText, signIn,
	signInFirstTime, unique, withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an administrator grants tokens and the learner finds them on Billing', async (t) => {
	const tag = unique('tok');
	const learner = { name: `Learner ${tag}`, email: `${tag}.l@lectern.test` };
	const reason = `Welcome tokens ${tag}`;

	await withPage(browser, t, async (page) => {
		const admin = account('admin');
		await signIn(page, admin.email, admin.password);
		await page.goto(new URL('/admin/users/new', page.url()).href);
		await page.getByLabel('Name').fill(learner.name);
		await page.getByLabel('Email').fill(learner.email);
		await page.getByLabel('Role').selectOption('learner');
		await page.getByRole('button', { name: 'Save' }).click();
		learner.password = await page.locator('#temporary-password').innerText();

		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Home' }).click();
		await page.getByRole('link', { name: 'Token balances' }).click();
		await seeHeading(page, 'Token balances');
		await checkAxe(page, 'token balances');
		await checkNarrow(page, 'token balances');
		await page.getByLabel('Search by name or email').fill(learner.email);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.getByRole('link', { name: learner.name }).click();
		await seeHeading(page, `Tokens of ${learner.name}`);

		// More than the balance: refused, and the form says why.
		await page.getByRole('radio', { name: 'Deduct (take away)' }).check();
		await page.getByLabel('Tokens').fill('5');
		await page.getByLabel('Reason').fill('Too much');
		await page.getByRole('button', { name: 'Save' }).click();
		await seeText(page, 'The balance is 0 tokens: deduct at most that.');
		assert.equal(await page.locator('#balance-value').innerText(), '0');

		await page.getByRole('radio', { name: 'Grant (add)' }).check();
		await page.getByLabel('Tokens').fill('45');
		await page.getByLabel('Reason').fill(reason);
		await page.getByRole('button', { name: 'Save' }).click();
		await seeText(page, 'Granted 45 tokens.');
		assert.equal(await page.locator('#balance-value').innerText(), '45');
		await seeText(page, reason);
		await checkAxe(page, 'a learner\'s tokens');
		await checkNarrow(page, 'a learner\'s tokens');
	});

	await withPage(browser, t, async (page) => {
		await signInFirstTime(page, learner.email, learner.password);
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Home' }).click();
		await page.getByRole('link', { name: 'Billing' }).click();
		await seeHeading(page, 'Billing');
		assert.equal(await page.locator('#balance-value').innerText(), '45');
		const row = page.locator('#ledger tbody tr').first();
		assert.match(await row.innerText(), /\+45/);
		assert.match(await row.innerText(), new RegExp(reason));
		await checkAxe(page, 'billing');
		await checkNarrow(page, 'billing');
	});
});
