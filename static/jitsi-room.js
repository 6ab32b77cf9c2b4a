// jitsi-room.js: opens a Lectern classroom on a self-hosted Jitsi Meet.
// The page (templates/classroom-jitsi.tpl) loads the server's
// external_api.js first and puts everything this script needs in data-
// attributes of #jitsi-room: the server, the room, the user's token and
// name, how to start (muted, camera off), where presence goes and the
// form token.  Joining and leaving are posted back to Lectern with
// navigator.sendBeacon, which still gets through when the tab closes.
(function () {
	'use strict';

	var box = document.getElementById('jitsi-room');
	if (!box)
		return;
	var data = box.dataset;
	var loading = document.getElementById('jitsi-loading');
	var joined = false;
	var left = false;

	// Tell Lectern about a join or a leave: a form with csrf and event.
	function presence(event) {
		if (!data.presence || !navigator.sendBeacon)
			return;
		var form = new FormData();
		form.append('csrf', data.csrf || '');
		form.append('event', event);
		navigator.sendBeacon(data.presence, form);
	}

	function leave() {
		if (joined && !left) {
			left = true;
			presence('leave');
		}
	}

	if (typeof window.JitsiMeetExternalAPI !== 'function') {
		if (loading)
			loading.textContent = 'The conferencing server is ' +
			    'unavailable right now. Please try again in a minute.';
		return;
	}

	var api = new window.JitsiMeetExternalAPI(data.domain, {
		roomName: data.room,
		jwt: data.jwt,
		parentNode: box,
		width: '100%',
		height: '100%',
		userInfo: { displayName: data.displayName },
		configOverwrite: {
			startWithAudioMuted: data.audioMuted === '1',
			startWithVideoMuted: data.videoMuted === '1',
			prejoinPageEnabled: false
		}
	});

	api.addListener('videoConferenceJoined', function () {
		joined = true;
		left = false;
		if (loading)
			loading.hidden = true;
		presence('join');
	});
	api.addListener('videoConferenceLeft', leave);
	api.addListener('readyToClose', function () {
		leave();
		if (data.back)
			window.location.assign(data.back);
	});
	window.addEventListener('pagehide', leave);
}());
