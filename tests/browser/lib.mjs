// Helpers for Lectern's browser tests: the stack's addresses and demo
// accounts, Debian's chromium driven by playwright-core, and small steps
// a person takes (sign in, look for a text, take a screenshot).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const BASE = (process.env.LECTERN_TEST_URL || '').replace(/\/+$/, '');
export const CGI_BASE = (process.env.LECTERN_TEST_CGI_URL || '').replace(/\/+$/, '');
export const OUTPUT = process.env.LECTERN_TEST_OUTPUT ||
    join(process.env.top_builddir || resolve(here, '../..'), 'tests', 'output');

// How long one step (a click, a page load, a text to appear) may take.
const STEP_MS = 10000;

// The demo accounts: { admin: [{ email, password }], teacher: [...], ... }.
export function accounts() {
	const file = process.env.LECTERN_TEST_ACCOUNTS;
	assert.ok(file, 'LECTERN_TEST_ACCOUNTS is not set');
	const out = {};
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const f = line.trim().split(/\s+/);
		if (f.length === 3)
			(out[f[2]] ??= []).push({ email: f[0], password: f[1] });
	}
	return out;
}

// One account of a role, the first listed unless told otherwise.
export function account(role, index = 0) {
	const list = accounts()[role] || [];
	assert.ok(list.length > index, `no ${role} account number ${index + 1} in the accounts file`);
	return list[index];
}

// A short random suffix for names and addresses no other run has used.
export function unique(prefix = 'b') {
	return prefix + randomBytes(5).toString('hex');
}

export function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
		    '--no-first-run', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync'],
	});
}

// Browser errors worth failing a test for: script errors and console
// errors (a blocked inline style or script shows up as one).
function watchErrors(page, errors) {
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
	page.on('console', (m) => {
		// A page answered with 401 or 403 is logged as a failed load; the
		// tests check those statuses themselves.
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			errors.push(`${page.url()}: ${m.text()}`);
	});
}

// Run fn(page, context) in a fresh browser context (its own cookies),
// closed afterwards.  A failing test leaves a screenshot of the page it
// was on, named after the test.
export async function withPage(browser, t, options, fn) {
	if (typeof options === 'function')
		[options, fn] = [{}, options];
	const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
	context.setDefaultTimeout(STEP_MS);
	context.setDefaultNavigationTimeout(STEP_MS);
	const page = await context.newPage();
	const errors = [];
	watchErrors(page, errors);
	try {
		await fn(page, context);
		assert.deepEqual(errors, [], 'the browser reported errors');
	} catch (e) {
		await screenshot(page, 'browser-failure-' + t.name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60))
		    .catch(() => {});
		throw e;
	} finally {
		await context.close();
	}
}

// A full-page PNG in the output directory; returns its path.
export async function screenshot(page, name) {
	mkdirSync(OUTPUT, { recursive: true });
	const path = join(OUTPUT, name.endsWith('.png') ? name : name + '.png');
	await page.screenshot({ path, fullPage: true });
	return path;
}

// The visible text of the page's main region, for failure messages.
async function mainText(page) {
	try {
		const text = await page.locator('main').innerText({ timeout: 1000 });
		return text.replace(/\s+/g, ' ').slice(0, 400);
	} catch {
		return '(no main region)';
	}
}

// Wait until the locator is visible; fail with what the page shows instead.
export async function see(page, locator, what) {
	try {
		await locator.first().waitFor({ state: 'visible' });
	} catch {
		assert.fail(`expected to see ${what} on ${page.url()}, the page shows: ${await mainText(page)}`);
	}
}

// Wait for a text to be visible anywhere on the page.
export function seeText(page, text) {
	return see(page, page.getByText(text), JSON.stringify(text));
}

// Wait for a heading with exactly this name.
export function seeHeading(page, name) {
	return see(page, page.getByRole('heading', { name, exact: true }), `the heading ${JSON.stringify(name)}`);
}

// The path and query of the page's current address.
export function where(page) {
	const u = new URL(page.url());
	return u.pathname + u.search;
}

// Open the sign-in form, type the email and password, press "Sign in".
// Returns the response to the form's POST.
export async function signIn(page, email, password, base = BASE) {
	await page.goto(base + '/login');
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' &&
		    new URL(r.url()).pathname === '/login'),
		page.getByRole('button', { name: 'Sign in' }).click(),
	]);
	await page.waitForLoadState();
	return response;
}

// Sign in with the temporary password an administrator set: Lectern
// opens only the password form until the user chose their own, so
// choose one there.  Returns the chosen password.
export async function signInFirstTime(page, email, temporary, base = BASE) {
	const chosen = 'Own-' + unique('pw');
	await signIn(page, email, temporary, base);
	await seeHeading(page, 'Your account');
	await page.getByLabel('Current password').fill(temporary);
	await page.locator('#new_password').fill(chosen);
	await page.getByLabel('Repeat the new password').fill(chosen);
	await page.getByRole('button', { name: 'Change password' }).click();
	await seeText(page, 'Your password was changed.');
	return chosen;
}
