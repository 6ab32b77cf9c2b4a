/*
 * transcript.js: the transcript viewer's additions.  The page works
 * without this file: the whole transcript is there to read and select,
 * "Download" gives it as a text file, and each speaker's time links to
 * that part of the recording.  With it, a "Copy" button puts the text
 * on the clipboard; and when the recording plays beside the transcript,
 * the line being spoken is highlighted and clicking a line seeks there.
 */
(function () {
	"use strict";

	var text = document.getElementById("transcript-text");
	var actions = document.getElementById("transcript-actions");
	if (!text || !actions)
		return;

	/* The transcript as plain text, grouped as on the page. */
	function plain() {
		var out = [];
		var groups = text.querySelectorAll(".speaker-group");
		for (var i = 0; i < groups.length; i++) {
			var head = groups[i].querySelector(".speaker");
			out.push(head.textContent.replace(/\s+/g, " ").trim());
			var lines = groups[i].querySelectorAll(".cue-line");
			for (var j = 0; j < lines.length; j++)
				out.push(lines[j].textContent);
			out.push("");
		}
		return out.join("\n");
	}

	if (navigator.clipboard && navigator.clipboard.writeText) {
		var copy = document.createElement("button");
		var said = document.createElement("span");
		copy.type = "button";
		copy.id = "transcript-copy";
		copy.className = "secondary";
		copy.textContent = "Copy";
		said.setAttribute("role", "status");
		said.className = "hint";
		said.id = "transcript-copied";
		copy.addEventListener("click", function () {
			navigator.clipboard.writeText(plain()).then(function () {
				said.textContent = "Copied.";
			}, function () {
				said.textContent = "The browser did not allow copying: select the text instead.";
			});
		});
		actions.appendChild(document.createTextNode(" "));
		actions.appendChild(copy);
		actions.appendChild(document.createTextNode(" "));
		actions.appendChild(said);
	}

	var media = document.getElementById("transcript-media");
	if (!media)
		return;
	var cues = text.querySelectorAll(".cue");
	var current = null;

	function highlight() {
		var t = media.currentTime, found = null;
		for (var i = 0; i < cues.length; i++) {
			var s = parseFloat(cues[i].getAttribute("data-start"));
			var e = parseFloat(cues[i].getAttribute("data-end"));
			if (t >= s && t < e) {
				found = cues[i];
				break;
			}
		}
		if (found === current)
			return;
		if (current) {
			current.classList.remove("current");
			current.removeAttribute("aria-current");
		}
		current = found;
		if (current) {
			current.classList.add("current");
			current.setAttribute("aria-current", "true");
			var r = current.getBoundingClientRect();
			if (r.top < 0 || r.bottom > window.innerHeight)
				current.scrollIntoView({ block: "nearest" });
		}
	}

	function seek(cue) {
		media.currentTime = parseFloat(cue.getAttribute("data-start"));
		highlight();
		var p = media.play();
		if (p && p.catch)
			p.catch(function () {});
	}

	for (var i = 0; i < cues.length; i++) {
		cues[i].tabIndex = 0;
		cues[i].classList.add("seekable");
		cues[i].addEventListener("click", function (ev) {
			seek(ev.currentTarget);
		});
		cues[i].addEventListener("keydown", function (ev) {
			if (ev.key === "Enter" || ev.key === " ") {
				ev.preventDefault();
				seek(ev.currentTarget);
			}
		});
	}
	/* A group's time seeks here instead of leaving the page. */
	var segs = text.querySelectorAll("a.segment");
	for (var k = 0; k < segs.length; k++) {
		segs[k].addEventListener("click", function (ev) {
			var first = ev.currentTarget.closest(".speaker-group").querySelector(".cue");
			if (!first)
				return;
			ev.preventDefault();
			seek(first);
		});
	}
	media.addEventListener("timeupdate", highlight);
	media.addEventListener("seeked", highlight);
})();
