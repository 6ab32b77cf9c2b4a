// A lesson's exercises in a real browser: the demo learner Liam opens
// "Travel phrases" of English Conversation from his home page through
// My lessons, answers one exercise of each kind and completes it; his
// teacher Tess finds it from her Enrollments, marks the essay and
// verifies it.  Liam's earlier answers to that lesson are removed
// first, so that the test runs again on the same school.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { account, checkAxe, checkNarrow, launch, screenshot, see, seeText, signIn, sql, userId, withPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a learner answers and completes a lesson; the teacher verifies it', async (t) => {
	const liam = account('learner', 1);		// Liam Learner
	const tess = account('teacher', 0);		// Tess Teacher
	const lid = userId(liam.email);
	sql('DELETE a FROM lesson_attempts a JOIN lesson_docs d ON d.id = a.doc_id ' +
	    "JOIN course_lessons l ON l.id = d.lesson_id WHERE l.title = 'Travel phrases' " +
	    `AND a.learner_id = ${lid}`);

	await withPage(browser, t, async (page) => {
		await signIn(page, liam.email, liam.password);
		await page.getByRole('link', { name: 'My lessons' }).click();
		await page.getByRole('link', { name: 'English Conversation' }).click();
		await page.getByRole('link', { name: 'Travel phrases' }).click();
		await see(page, page.getByRole('heading', { name: 'Travel phrases' }).first(), 'the lesson');
		await checkAxe(page, 'the lesson form');
		await checkNarrow(page, 'the lesson form');
		await page.getByRole('checkbox', { name: 'Good morning' }).check();
		await page.getByRole('checkbox', { name: 'Nice to meet you' }).check();
		await page.getByRole('textbox', { name: 'Gap 1' }).fill('meet');
		await page.getByRole('textbox', { name: 'Gap 2' }).fill('are');
		await page.getByRole('textbox', { name: 'Your answer' }).fill('see you');
		await page.getByRole('textbox', { name: 'Your essay' }).fill('I am Liam. I like trains.');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await seeText(page, 'Saved your answers as a draft.');
		assert.equal(await page.locator('#lesson-state').getAttribute('data-state'), 'draft');
		await page.getByRole('button', { name: 'Complete' }).click();
		await seeText(page, 'Completed the lesson');
		assert.equal(await page.locator('#lesson-state').getAttribute('data-state'), 'passed');
		// Choice 1 of 1, gaps 2 of 2, short answer 1 of 1, essay not marked.
		assert.equal(await page.locator('#lesson-score').getAttribute('data-score'), '4');
		assert.equal(await page.locator('#lesson-score').getAttribute('data-max'), '9');
		await seeText(page, 'Not marked yet');
		await checkAxe(page, 'the results');
		await checkNarrow(page, 'the results');
		await screenshot(page, 'enrollment-lesson-results.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, tess.email, tess.password);
		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Enrollments' }).click();
		// Liam's English Conversation with Tess; other enrollments may
		// come first: turn the pages until it shows.
		const row = page.locator('#enrollments tr')
		    .filter({ hasText: 'English Conversation' })
		    .filter({ has: page.getByRole('link', { name: 'Liam Learner' }) });
		while (await row.count() === 0) {
			const next = page.getByRole('link', { name: 'Next page' });
			assert.ok(await next.count() > 0, "Liam's enrollment is in the list");
			await next.click();
			await page.waitForLoadState();
		}
		await row.first().getByRole('link', { name: 'Liam Learner' }).click();
		await page.getByRole('link', { name: 'Travel phrases' }).click();
		await seeText(page, 'I am Liam. I like trains.');
		await page.getByRole('spinbutton', { name: /Mark for exercise 4/ }).fill('5');
		await page.getByRole('button', { name: 'Save marks' }).click();
		await seeText(page, 'Saved the marks.');
		assert.equal(await page.locator('#lesson-score').getAttribute('data-score'), '9');
		await page.getByRole('button', { name: 'Verify' }).click();
		await seeText(page, 'Verified the lesson.');
		assert.equal(await page.locator('#lesson-state').getAttribute('data-state'), 'verified');
		await checkAxe(page, 'the verified lesson');
		await checkNarrow(page, 'the verified lesson');
		await page.getByRole('link', { name: 'Back to the enrollment' }).click();
		assert.equal(await page.locator('#count-verified').innerText(), '1');
	});
});
