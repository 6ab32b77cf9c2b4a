/*
 * room.js: keeps the room page's chat and polls current without
 * reloading it.  The page works without this file: every form posts and
 * comes back.  With it, the chat asks every few seconds for messages
 * after the last one it shows (an ETag makes "nothing new" a bodiless
 * 304), the chat form posts in the background, and the polls are
 * refreshed the same way.  Nothing is asked while the tab is hidden.
 */
(function () {
	"use strict";

	var CHAT_EVERY = 4000;
	var POLLS_EVERY = 7000;

	var log = document.getElementById("chat-log");
	var pollList = document.getElementById("poll-list");
	if (!log || !window.fetch)
		return;

	var chatTag = null;
	var pollTag = null;
	var stopped = false;
	var chatTimer = null;
	var pollTimer = null;

	function visible() {
		return document.visibilityState !== "hidden";
	}

	function nearBottom() {
		return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
	}

	/* Parse trusted server markup (our own template output). */
	function fragment(html) {
		var t = document.createElement("template");
		t.innerHTML = html;
		return t.content;
	}

	function stop() {
		stopped = true;
		clearTimeout(chatTimer);
		clearTimeout(pollTimer);
	}

	function appendMessages(html) {
		var frag = fragment(html);
		var items = frag.querySelectorAll("li[id^='msg-']");
		var stick = nearBottom();
		var empty = document.getElementById("no-messages");
		var i, last = Number(log.getAttribute("data-last")) || 0;
		for (i = 0; i < items.length; i++) {
			if (document.getElementById(items[i].id))
				continue;
			log.appendChild(items[i]);
			last = Math.max(last, Number(items[i].id.slice(4)) || 0);
		}
		log.setAttribute("data-last", String(last));
		if (items.length > 0 && empty)
			empty.parentNode.removeChild(empty);
		if (stick)
			log.scrollTop = log.scrollHeight;
	}

	function refreshChat() {
		if (stopped)
			return Promise.resolve();
		var url = log.getAttribute("data-url") + "?after=" +
		    encodeURIComponent(log.getAttribute("data-last") || "0");
		var headers = {};
		if (chatTag)
			headers["If-None-Match"] = chatTag;
		return fetch(url, { credentials: "same-origin", headers: headers,
		    cache: "no-store" }).then(function (res) {
			if (res.status === 304)
				return;
			if (res.status === 403 || res.status === 404) {
				stop();
				return;
			}
			if (!res.ok)
				return;
			chatTag = res.headers.get("ETag");
			if (res.headers.get("X-Session-State") === "ended")
				stop();
			return res.text().then(appendMessages);
		}).catch(function () { /* offline for a moment: try later */ });
	}

	function scheduleChat() {
		clearTimeout(chatTimer);
		if (stopped || !visible())
			return;
		chatTimer = setTimeout(function () {
			refreshChat().then(scheduleChat);
		}, CHAT_EVERY);
	}

	/* A participant halfway through choosing an answer keeps it. */
	function choosing() {
		var r = pollList.querySelectorAll("input[type=radio]");
		var i;
		for (i = 0; i < r.length; i++)
			if (r[i].checked)
				return true;
		return pollList.contains(document.activeElement) &&
		    document.activeElement !== document.body;
	}

	function refreshPolls() {
		if (stopped || !pollList)
			return Promise.resolve();
		var headers = {};
		if (pollTag)
			headers["If-None-Match"] = pollTag;
		return fetch(pollList.getAttribute("data-url"), {
		    credentials: "same-origin", headers: headers,
		    cache: "no-store" }).then(function (res) {
			if (res.status === 304 || !res.ok)
				return;
			var tag = res.headers.get("ETag");
			return res.text().then(function (html) {
				if (choosing())
					return;
				pollTag = tag;
				pollList.replaceChildren(fragment(html));
			});
		}).catch(function () {});
	}

	function schedulePolls() {
		clearTimeout(pollTimer);
		if (stopped || !pollList || !visible())
			return;
		pollTimer = setTimeout(function () {
			refreshPolls().then(schedulePolls);
		}, POLLS_EVERY);
	}

	function showError(form, text) {
		var p = form.querySelector(".js-error");
		if (!p) {
			p = document.createElement("p");
			p.className = "error field js-error";
			p.setAttribute("role", "alert");
			form.insertBefore(p, form.querySelector("button"));
		}
		p.textContent = text;
	}

	function clearError(form) {
		var p = form.querySelector(".js-error");
		if (p)
			p.parentNode.removeChild(p);
	}

	var form = document.getElementById("chat-form");
	if (form) {
		var box = form.querySelector("textarea");
		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			var body = new URLSearchParams(new FormData(form));
			body.set("js", "1");
			var button = form.querySelector("button");
			button.disabled = true;
			fetch(form.getAttribute("action").split("#")[0], {
			    method: "POST", credentials: "same-origin", body: body
			}).then(function (res) {
				if (res.status === 204) {
					box.value = "";
					clearError(form);
					log.scrollTop = log.scrollHeight;
					return refreshChat();
				}
				return res.text().then(function (t) {
					showError(form, res.headers.get("Content-Type")
					    .indexOf("text/plain") === 0 ? t :
					    "The message could not be sent. Reload the page and try again.");
				});
			}).catch(function () {
				showError(form, "The message could not be sent: check the connection and try again.");
			}).then(function () {
				button.disabled = false;
				box.focus();
			});
		});
		/* Enter sends, Shift+Enter starts a new line. */
		box.addEventListener("keydown", function (ev) {
			if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
				ev.preventDefault();
				if (typeof form.requestSubmit === "function")
					form.requestSubmit();
				else
					form.dispatchEvent(new Event("submit", { cancelable: true }));
			}
		});
	}

	log.scrollTop = log.scrollHeight;
	if (log.getAttribute("data-live") !== "1") {
		stop();
		return;
	}
	document.addEventListener("visibilitychange", function () {
		if (!visible()) {
			clearTimeout(chatTimer);
			clearTimeout(pollTimer);
			return;
		}
		refreshChat().then(scheduleChat);
		refreshPolls().then(schedulePolls);
	});
	refreshPolls().then(schedulePolls);
	scheduleChat();
})();
