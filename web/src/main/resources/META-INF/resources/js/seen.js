// Marks the open group's discussion of this paper as read once the page is actually shown.
// Opening the reader is a GET and writes nothing, so prefetching, link previews and tabs
// opened in the background mark nothing; without JavaScript the "Mark as read" button does this.
(function () {
    'use strict';
    var form = document.querySelector('form[data-mark-seen]');
    var reader = document.querySelector('.reader');
    if (!form || !reader) {
        return;
    }
    var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    var sent = false;

    function markSeen() {
        if (sent || document.visibilityState !== 'visible') {
            return;
        }
        sent = true;
        // keepalive: the marker is still written if the member leaves right away.
        fetch('/api/papers/' + reader.dataset.paper + '/seen', {
            method: 'POST',
            keepalive: true,
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
            body: JSON.stringify({groupId: Number(form.elements.groupId.value), at: Number(form.elements.at.value)})
        }).then(function (response) {
            if (response.ok) {
                // What was new stays marked on this page; the next visit starts from here.
                form.hidden = true;
            }
        }).catch(function () { sent = false; });
    }

    markSeen();
    document.addEventListener('visibilitychange', markSeen);
})();
