// A node:test reporter writing flat TAP for automake's tap-driver: one
// "ok"/"not ok" line per test, numbered in the order tests finish, and
// the plan at the end.  Node's own TAP reporter nests subtests under
// indented lines, which tap-driver does not count, and Node 18 wraps the
// tests of each file in a test of its own.  Here only the tests that
// contain no other test are counted, whatever the nesting; a test with
// subtests is reported only when it fails for a reason of its own (a
// failing hook, say).  Everything else, including the test files' output
// and errors, becomes "#" comments.

// Comment lines for a block of text, without terminal colours; long
// lines and long texts (a browser's launch log, say) are cut short.
function comment(text, maxLines = 40) {
	let lines = String(text).replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+$/, '').split('\n');
	if (lines.length > maxLines)
		lines = [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more lines)`];
	return lines.map((l) => ('# ' + (l.length > 300 ? l.slice(0, 300) + ' ...' : l)).trimEnd() + '\n')
	    .join('');
}

// The error behind a failure: node wraps the thrown one in a
// ERR_TEST_FAILURE whose cause it is.
function describeError(error) {
	if (error == null)
		return '';
	const e = error.code === 'ERR_TEST_FAILURE' && error.cause != null ? error.cause : error;
	let text = e.stack || e.message || String(e);
	if (e.message && !text.includes(e.message))
		text = e.message + '\n' + text;
	if (e.code === 'ERR_ASSERTION' && 'expected' in e && !/expected/i.test(e.message || ''))
		text += `\nexpected: ${JSON.stringify(e.expected)}\nactual:   ${JSON.stringify(e.actual)}`;
	return text;
}

// A test name as the description of a TAP line: one line, no "#", which
// would start a directive.
function description(name) {
	return String(name).replace(/\s+/g, ' ').replace(/#/g, 'no.').trim();
}

export default async function* flatTap(source) {
	// For each file and nesting level: whether a test finished there
	// since its parent level last finished one.  Children finish before
	// their parent, so a test whose level below is still unmarked has
	// no subtests.
	const finishedBelow = new Map();
	let n = 0;

	yield 'TAP version 13\n';
	for await (const { type, data } of source) {
		switch (type) {
		case 'test:pass':
		case 'test:fail': {
			const file = data.file ?? '';
			const below = `${file}\0${data.nesting + 1}`;
			const leaf = !finishedBelow.get(below);
			finishedBelow.set(below, false);
			finishedBelow.set(`${file}\0${data.nesting}`, true);
			const error = data.details?.error;
			if (!leaf && (type === 'test:pass' || error?.failureType === 'subtestsFailed'))
				break;
			n++;
			const ms = Math.round(data.details?.duration_ms ?? 0);
			let line = `${type === 'test:pass' ? 'ok' : 'not ok'} ${n} - ${description(data.name)}`;
			if (data.skip !== undefined)
				line += ' # SKIP' + (typeof data.skip === 'string' ? ' ' + description(data.skip) : '');
			else if (data.todo !== undefined)
				line += ' # TODO' + (typeof data.todo === 'string' ? ' ' + description(data.todo) : '');
			yield line + '\n';
			if (type === 'test:fail')
				yield comment(describeError(error));
			else if (data.skip === undefined)
				yield `# ${ms} ms\n`;
			break;
		}
		case 'test:diagnostic':
			yield comment(data.message);
			break;
		case 'test:stdout':
		case 'test:stderr':
			yield comment(data.message);
			break;
		default:
			break;
		}
	}
	if (n === 0)
		yield `not ok ${++n} - no test ran\n`;
	yield `1..${n}\n`;
}
