// Signing in and out in a real browser, as a person does: typing into
// the form and pressing its buttons.  Also the plain CGI deployment, a
// phone-sized screen, a browser without JavaScript, and a learner kept
// out of the administration pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
	BASE, CGI_BASE, account, launch, screenshot, see, seeHeading, seeText,
	signIn, where, withPage,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Sign in as the administrator against base; shared by the FastCGI and
// CGI tests.  Screenshots are named with the given suffix.
async function adminSignsIn(page, base, suffix) {
	const admin = account('admin');
	await page.goto(base + '/login');
	await seeHeading(page, 'Sign in');
	await screenshot(page, `login${suffix}.png`);
	const response = await signIn(page, admin.email, admin.password, base);
	assert.equal(response.status(), 303, 'signing in answers with a redirect');
	assert.equal(where(page), '/');
	await seeHeading(page, 'Welcome, Ada Administrator');
	const facts = page.locator('dl.facts');
	await see(page, facts.getByText(admin.email, { exact: true }), 'the email under "Signed in as"');
	await see(page, facts.getByText('Administrator', { exact: true }), 'the role');
	const header = page.locator('header.site');
	await see(page, header.getByText('Ada Administrator'), 'the name in the header');
	await see(page, header.getByRole('button', { name: 'Sign out' }), 'the "Sign out" button');
	await screenshot(page, `home-admin${suffix}.png`);
}

test('the administrator signs in and sees the home page', async (t) => {
	await withPage(browser, t, (page) => adminSignsIn(page, BASE, ''));
});

test('signing in works the same through plain CGI',
    { skip: CGI_BASE ? false : 'LECTERN_TEST_CGI_URL is not set' }, async (t) => {
	await withPage(browser, t, (page) => adminSignsIn(page, CGI_BASE, '-cgi'));
});

test('a wrong password shows an error and keeps the form', async (t) => {
	// A learner no other test signs in as, so that the failure counted
	// against this account cannot throttle another test.
	const learner = account('learner', 4);
	await withPage(browser, t, async (page) => {
		const response = await signIn(page, learner.email, learner.password + 'x');
		assert.equal(response.status(), 401);
		await see(page, page.getByRole('alert').getByText('Email or password is incorrect.'),
		    'the sign-in error');
		assert.equal(new URL(page.url()).pathname, '/login');
		assert.equal(await page.locator('#email').inputValue(), learner.email,
		    'the email stays filled in');
		assert.equal(await page.locator('#password').inputValue(), '',
		    'the password is not sent back');
		await see(page, page.getByRole('button', { name: 'Sign in' }), 'the "Sign in" button');
		await screenshot(page, 'login-error.png');
		// The right password still works, which also clears the count.
		await signIn(page, learner.email, learner.password);
		await seeHeading(page, 'Welcome, Lina Learner');
	});
});

test('signing out ends the session', async (t) => {
	const teacher = account('teacher');
	await withPage(browser, t, async (page) => {
		await signIn(page, teacher.email, teacher.password);
		await seeHeading(page, 'Welcome, Tess Teacher');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL((u) => u.pathname === '/login');
		assert.equal(where(page), '/login?signed_out=1');
		await seeText(page, 'You are signed out.');
		await seeHeading(page, 'Sign in');
		const home = await page.goto(BASE + '/');
		assert.equal(home.status(), 200);
		assert.equal(new URL(page.url()).pathname, '/login',
		    'the home page sends a signed-out visitor to the sign-in form');
		await seeHeading(page, 'Sign in');
		assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
	});
});

test('a learner sees no administration and is refused it', async (t) => {
	const learner = account('learner');
	await withPage(browser, t, async (page) => {
		await signIn(page, learner.email, learner.password);
		await seeHeading(page, 'Welcome, Lena Learner');
		await see(page, page.locator('dl.facts').getByText('Learner', { exact: true }), 'the role');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await see(page, nav.getByRole('link', { name: 'Account' }), 'the "Account" link');
		assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0,
		    'a learner has no "Users" link');
		assert.equal(await page.getByRole('link', { name: 'Import users' }).count(), 0);
		assert.equal(await page.getByRole('heading', { name: 'Administration' }).count(), 0);
		const response = await page.goto(BASE + '/admin/users');
		assert.equal(response.status(), 403);
		await seeText(page, 'You do not have access to this page.');
		assert.equal(await page.locator('table.list').count(), 0, 'no user list is shown');
	});
});

test('without JavaScript one can still sign in', async (t) => {
	const teacher = account('teacher', 1);
	await withPage(browser, t, { javaScriptEnabled: false }, async (page) => {
		const response = await signIn(page, teacher.email, teacher.password);
		assert.equal(response.status(), 303);
		assert.equal(where(page), '/');
		await seeHeading(page, 'Welcome, Theo Teacher');
		await see(page, page.locator('dl.facts').getByText('Teacher', { exact: true }), 'the role');
		await page.getByRole('link', { name: 'Account' }).click();
		await seeHeading(page, 'Your account');
	});
});

test('the sign-in page and home page fit a phone screen', async (t) => {
	const admin = account('admin');
	const viewport = { width: 360, height: 740 };
	await withPage(browser, t, { viewport, isMobile: true, hasTouch: true }, async (page) => {
		const overflow = () => page.evaluate(() =>
		    document.documentElement.scrollWidth - document.documentElement.clientWidth);
		await page.goto(BASE + '/login');
		await seeHeading(page, 'Sign in');
		assert.equal(await overflow(), 0, 'the sign-in page scrolls sideways');
		const box = await page.locator('#email').boundingBox();
		assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width,
		    'the email field is within the screen');
		await screenshot(page, 'login-mobile.png');
		await signIn(page, admin.email, admin.password);
		await seeHeading(page, 'Welcome, Ada Administrator');
		assert.equal(await overflow(), 0, 'the home page scrolls sideways');
		await screenshot(page, 'home-admin-mobile.png');
	});
});
