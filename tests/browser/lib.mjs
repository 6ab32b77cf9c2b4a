// Helpers for Lectern's browser tests: the stack's addresses and demo
// accounts, Debian's chromium driven by playwright-core, and small steps
// a person takes (sign in, look for a text, take a screenshot).  Every
// page a test visits is also checked for sideways scrolling at 320 px
// and for serious accessibility problems (axe-core): see checkPages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// Tests that set up data the pages cannot make run SQL as the
// database's root; rows come back as arrays of strings.
export function sql(query) {
	const socket = process.env.LECTERN_TEST_DB_SOCKET;
	assert.ok(socket, 'LECTERN_TEST_DB_SOCKET is not set');
	const out = execFileSync('mariadb', [`--socket=${socket}`, '-u', 'root',
	    '-N', '-B', 'lectern', '-e', query], { encoding: 'utf8' });
	return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// A string as an SQL literal.
export function quote(s) {
	return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
}

export function userId(email) {
	return Number(sql(`SELECT id FROM users WHERE email = ${quote(email)}`)[0][0]);
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
// was on, named after the test.  Afterwards every Lectern page the
// context loaded is checked (checkPages): a page that scrolls sideways
// at 320 px or has a serious accessibility problem fails the test.
export async function withPage(browser, t, options, fn) {
	if (typeof options === 'function')
		[options, fn] = [{}, options];
	const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
	context.setDefaultTimeout(STEP_MS);
	context.setDefaultNavigationTimeout(STEP_MS);
	const visited = [];
	context.on('page', (p) => recordPages(p, visited));
	const page = await context.newPage();
	const errors = [];
	watchErrors(page, errors);
	try {
		await fn(page, context);
		assert.deepEqual(errors, [], 'the browser reported errors');
		await checkPages(browser, context, visited, options, t);
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

// ------------------------------------------------------------------
// Checks run on every page a test visits.  While a test runs, each
// Lectern document its pages load (GET or the answer to a form) is kept
// as the server sent it; afterwards checkPages shows each one again in
// a page of its own, the document answered from what was kept (so
// nothing is asked of the server twice and nothing changes), with the
// stylesheet and pictures loaded from the server as usual, and checks
// it with checkNarrow (320 px) and checkAxe (at the test's width).

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The narrow screen no page may scroll sideways on.
export const NARROW = 320;

// Documents already checked in this run, by a digest of their width,
// address and body: the same page seen twice is checked once.
const checked = new Set();

// Lectern's own addresses; other documents (the conferencing simulator
// in a new tab) are not Lectern's pages.
function lecternPage(url) {
	return [BASE, CGI_BASE].some((b) => b && (url === b || url.startsWith(b + '/')));
}

// Keep each HTML document the page's main frame loads from Lectern.
function recordPages(page, visited) {
	page.on('response', (r) => {
		const req = r.request();
		if (req.resourceType() !== 'document' || r.frame() !== page.mainFrame())
			return;
		const status = r.status();
		if ((status >= 300 && status < 400) || !lecternPage(r.url()))
			return;
		visited.push(Promise.all([r.allHeaders(), r.body()])
		    .then(([headers, body]) => /^text\/html/.test(headers['content-type'] || '')
			? { url: r.url(), status, headers, body } : null)
		    .catch(() => ({ url: r.url(), missed: true })));
	});
}

// The headers to answer a kept document with: as sent, but no cookies
// and nothing about the length or encoding of the original transfer.
function replayHeaders(headers) {
	const out = {};
	for (const [k, v] of Object.entries(headers))
		if (!/^(set-cookie|content-length|content-encoding|transfer-encoding)$/.test(k))
			out[k] = v;
	return out;
}

// A short name of a page for failure messages: its address and heading.
async function pageName(page, url) {
	const u = new URL(url);
	let h1 = '';
	try {
		h1 = (await page.locator('h1').first().innerText({ timeout: 500 })).trim();
	} catch { /* a page without a heading */ }
	return `${u.pathname}${u.search}${h1 ? ` ("${h1}")` : ''}`;
}

// Assert that the page, shown 320 px wide, does not scroll sideways:
// document.documentElement.scrollWidth fits the screen.  The failure
// names the page and the element reaching furthest right.  The page's
// viewport is set back afterwards.
export async function checkNarrow(page, name) {
	const before = page.viewportSize();
	await page.setViewportSize({ width: NARROW, height: before?.height || 640 });
	try {
		const r = await page.evaluate(() => {
			const root = document.documentElement;
			const limit = root.clientWidth;
			if (root.scrollWidth <= Math.min(limit, 320))
				return { scrollWidth: root.scrollWidth };
			// Elements whose box passes the right edge and is not
			// clipped by a scrolling or hidden-overflow box around it.
			const clipped = (e) => {
				for (let p = e.parentElement; p && p !== document.body && p !== root;
				    p = p.parentElement)
					if (getComputedStyle(p).overflowX !== 'visible')
						return true;
				return false;
			};
			const describe = (e) => {
				let d = e.tagName.toLowerCase();
				if (e.id)
					d += '#' + e.id;
				for (const c of e.classList)
					d += '.' + c;
				const text = (e.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 60);
				return text ? `${d} "${text}"` : d;
			};
			let worst = null, right = -1;
			for (const e of document.body.querySelectorAll('*')) {
				const b = e.getBoundingClientRect();
				// The furthest right; among equals the innermost.
				if (b.width > 0 && b.right > limit + 0.5 && b.right >= right && !clipped(e)) {
					worst = e;
					right = b.right;
				}
			}
			return {
				scrollWidth: root.scrollWidth, limit,
				worst: worst ? `${describe(worst)}, ${Math.round(worst.getBoundingClientRect().width)} px wide, ` +
				    `its right edge at ${Math.round(right)} px` : '(no single element)',
			};
		});
		if (r.worst) {
			await screenshot(page, 'browser-failure-narrow-' + name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60))
			    .catch(() => {});
			assert.fail(`the page ${name} scrolls sideways at ${NARROW} px ` +
			    `(${r.scrollWidth} px of content in ${r.limit} px); the widest: ${r.worst}`);
		}
	} finally {
		if (before)
			await page.setViewportSize(before);
	}
}

// Run axe-core on the page; fail on any serious or critical violation,
// naming the rule, the page and the elements.
export async function checkAxe(page, name) {
	// Evaluated by the browser's debugging protocol, which the page's
	// Content-Security-Policy does not restrict (a <script> would be).
	if (!await page.evaluate(() => typeof window.axe === 'object'))
		await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
		}));
	});
	const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	assert.deepEqual(bad.map((v) => `${v.impact} ${v.id} (${v.help}) on ${name}: ` +
	    v.nodes.slice(0, 4).join(' | ') + (v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : '')),
	    [], `axe-core found serious accessibility problems on ${name}`);
}

// Check every kept document: at 320 px (checkNarrow) and, at the
// test's own width, with axe-core (checkAxe).  The checks run in a
// context of their own with the test's cookies and screen, and with
// JavaScript even when the test turned it off, since they need it.
export async function checkPages(browser, context, visited, options, t) {
	const docs = await Promise.all(visited);
	const missed = docs.filter((d) => d?.missed).map((d) => d.url);
	if (missed.length)
		t?.diagnostic?.(`not checked (the body was gone): ${missed.join(' ')}`);
	const viewport = options.viewport || { width: 1024, height: 768 };
	let checks = null, checker = null;
	try {
		for (const d of docs) {
			if (!d || d.missed)
				continue;
			const key = createHash('sha256').update(`${viewport.width}\n${d.url}\n`)
			    .update(d.body).digest('hex');
			if (checked.has(key))
				continue;
			if (!checker) {
				checks = await browser.newContext({
					...options, viewport, javaScriptEnabled: true,
					storageState: await context.storageState(),
				});
				checks.setDefaultTimeout(STEP_MS);
				checks.setDefaultNavigationTimeout(STEP_MS);
				checker = await checks.newPage();
			}
			await checker.route((u) => u.href === d.url, (route) => route.fulfill({
				status: d.status, headers: replayHeaders(d.headers), body: d.body,
			}), { times: 1 });
			await checker.goto(d.url);
			const name = await pageName(checker, d.url);
			if (process.env.LECTERN_TEST_DEBUG)
				console.error('checking', name);
			await checkNarrow(checker, name);
			await checkAxe(checker, name);
			checked.add(key);
		}
	} finally {
		await checks?.close();
	}
}
