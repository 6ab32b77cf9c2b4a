// Teacher feedback in a real browser: after a completed group lesson the
// teacher scores a learner and writes a comment, finds it on the
// Homework page and verifies it there; the learner then finds it on
// their home page and sees the "Teacher Feedback" banner in the
// session's page, while another learner of the same lesson does not.
// The completed lesson is written straight into the database (planning
// and running it is the schedule's own browser test).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, account, launch, screenshot, see, seeHeading, seeText, signIn, unique, withPage, quote, sql, userId } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// YYYY-MM-DD of today plus days (UTC).
function day(days) {
	return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

// A group lesson of the teacher that ended an hour ago, with learners.
function completedLesson(teacherEmail, learnerEmails, title) {
	const course = Number(sql('SELECT id FROM courses ORDER BY id LIMIT 1')[0][0]);
	sql('INSERT INTO live_sessions (course_id, teacher_id, meeting_type, title, starts_at, ' +
	    'ends_at, duration_min, status, created_at, updated_at) VALUES ' +
	    `(${course}, ${userId(teacherEmail)}, 'group', ${quote(title)}, ` +
	    'UTC_TIMESTAMP() - INTERVAL 105 MINUTE, UTC_TIMESTAMP() - INTERVAL 60 MINUTE, 45, ' +
	    "'ended', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
	const sid = Number(sql(`SELECT id FROM live_sessions WHERE title = ${quote(title)}`)[0][0]);
	// Attendance and notes taken: it does not wait on the teacher's home.
	sql(`UPDATE live_sessions SET session_notes = 'Notes' WHERE id = ${sid}`);
	for (const e of learnerEmails)
		sql('INSERT INTO live_participants (session_id, learner_id, attendance) VALUES ' +
		    `(${sid}, ${userId(e)}, 'present')`);
	return sid;
}

test('a teacher gives and verifies feedback; only that learner sees the banner', async (t) => {
	const tess = account('teacher', 0);
	const lena = account('learner', 0);		// Lena Learner
	const liam = account('learner', 1);		// Liam Learner
	const title = unique('Feedback lesson ');
	const sid = completedLesson(tess.email, [lena.email, liam.email], title);
	const comment = `Clear pronunciation, well done ${unique('c')}. Revise the café dialogue.`;
	const hint = 'To change feedback, find this homework in Homework and revoke verification.';

	await withPage(browser, t, async (page) => {
		await signIn(page, tess.email, tess.password);
		await page.goto(`${BASE}/platform/sessions/${sid}`);
		await seeHeading(page, title);
		await see(page, page.locator('#feedback-states'), 'the feedback of each learner');
		await page.locator(`#feedback-row-${userId(lena.email)}`)
		    .getByRole('link', { name: /Give feedback/ }).click();
		await seeHeading(page, 'Feedback: Lena Learner');
		await page.getByLabel('Speaking score').selectOption('4');
		await page.getByLabel('Vocabulary score').selectOption('3');
		await page.getByLabel('Engagement score').selectOption('5');
		await page.getByLabel('Teacher comment').fill(comment);
		await page.getByRole('button', { name: 'Save feedback' }).click();
		await seeText(page, 'Saved the feedback. It waits for verification in Homework.');
		assert.equal(await page.locator('#feedback-state').getAttribute('data-state'), 'waiting');
		await see(page, page.locator('#feedback-history').getByText('Given'), 'the history row');
		await screenshot(page, 'feedback-form.png');

		// Not yet verified: the session's page shows no banner.
		await page.getByRole('link', { name: title }).click();
		await seeHeading(page, title);
		assert.equal(await page.getByRole('heading', { name: /Teacher Feedback/ }).count(), 0);

		// Homework, from the main navigation: verify it there.
		await page.getByRole('navigation', { name: 'Main' })
		    .getByRole('link', { name: 'Homework' }).click();
		await seeHeading(page, 'Homework');
		// Lena's, of the sessions from yesterday to tomorrow.
		await page.getByLabel('State').selectOption('waiting');
		await page.getByLabel('Learner').selectOption({ label: 'Lena Learner' });
		await page.getByLabel('Sessions from').fill(day(-1));
		await page.getByLabel('to', { exact: true }).fill(day(1));
		await page.getByRole('button', { name: 'Filter' }).click();
		const row = page.locator(`#homework-${sid}-${userId(lena.email)}`);
		await see(page, row, 'the feedback waiting for verification');
		await screenshot(page, 'feedback-homework.png');
		await row.getByRole('button', { name: /^Verify/ }).click();
		await seeText(page, 'Verified the feedback of Lena Learner.');
		await page.getByLabel('State').selectOption('verified');
		await page.getByLabel('Learner').selectOption({ label: 'Lena Learner' });
		await page.getByLabel('Sessions from').fill(day(-1));
		await page.getByLabel('to', { exact: true }).fill(day(1));
		await page.getByRole('button', { name: 'Filter' }).click();
		await see(page, page.locator(`#homework-${sid}-${userId(lena.email)}`)
		    .getByRole('button', { name: /Revoke verification/ }), 'the verified feedback');

		// The teacher sees the banner with the hint.
		await page.goto(`${BASE}/platform/sessions/${sid}`);
		const banner = page.locator('.feedback-banner');
		await see(page, banner, 'the Teacher Feedback banner');
		await see(page, banner.getByText(comment), 'the comment in the banner');
		await see(page, banner.getByText(hint), 'the hint');
		await screenshot(page, 'feedback-banner-teacher.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, lena.email, lena.password);
		const mine = page.locator('#home-feedback');
		await see(page, mine.getByRole('link', { name: title }), 'the feedback on the home page');
		await mine.getByRole('link', { name: title }).click();
		await seeHeading(page, title);
		const banner = page.locator('.feedback-banner');
		await see(page, banner.getByRole('heading', { name: 'Teacher Feedback' }), 'the banner');
		await see(page, banner.getByText(comment), 'the comment');
		assert.equal(await banner.locator('[data-skill="speaking"]').innerText(), '4 / 5');
		assert.equal(await banner.locator('[data-skill="engagement"]').innerText(), '5 / 5');
		assert.equal(await banner.getByText(hint).count(), 0, 'no hint for the learner');
		await screenshot(page, 'feedback-banner-learner.png');
	});

	await withPage(browser, t, async (page) => {
		await signIn(page, liam.email, liam.password);
		await page.goto(`${BASE}/platform/sessions/${sid}`);
		await seeHeading(page, title);
		assert.equal(await page.locator('.feedback-banner').count(), 0,
		    'another learner of the lesson sees no banner');
		assert.equal(await page.getByText(comment).count(), 0);
	});
});
