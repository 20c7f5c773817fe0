// Live updates for signed-in pages. One tab per browser holds the server-sent event stream
// (a Web Lock elects it) and passes what arrives to the other tabs over a BroadcastChannel, so
// ten open tabs use one connection. The stream reconnects with exponential backoff and asks
// for what it missed. Events carry ids only: the reader fetches the changed thread through
// the ordinary, permission-checked route and puts it into the page, marked new.
(function () {
    'use strict';
    var me = document.body.dataset.me;
    if (!me || !window.EventSource) {
        return;
    }
    var reader = document.querySelector('.reader');
    var paper = reader ? reader.dataset.paper : null;
    var group = reader ? reader.dataset.group : null;
    var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    var status = document.querySelector('[data-live-status]');
    var channel = 'BroadcastChannel' in window ? new BroadcastChannel('marginalia-live') : null;
    var MIN_DELAY = 1000, MAX_DELAY = 30000;

    // ---- What the page does with an event ----

    function handle(name, data) {
        if (name === 'notification') {
            refreshUnread();
        } else if ((name === 'note' || name === 'note_deleted') && reader && String(data.paper) === paper
            && (data.group === null || String(data.group) === group)) {
            refreshThread(data.thread, String(data.author) !== me);
        } else if (name === 'status') {
            showStatus(data.state, data.retry);
        }
    }

    function refreshUnread() {
        fetch('/api/notifications/unread', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (json) {
                if (!json) {
                    return;
                }
                document.querySelectorAll('[data-unread-count]').forEach(function (badge) {
                    badge.hidden = json.unread === 0;
                    badge.querySelector('[data-unread-number]').textContent = json.unread;
                });
            });
    }

    function showStatus(state, retry) {
        if (!status) {
            return;
        }
        status.hidden = state === 'live';
        status.textContent = state === 'live' ? '' : 'Live updates paused; reconnecting in ' + Math.round(retry / 1000) + ' s.';
    }

    // ---- The reader: threads in the margin, highlights in the text ----

    var list = document.getElementById('thread-list');
    var seenTimer = null;

    function startOf(li) { return Number(li.dataset.start); }

    function busy(li) {
        var active = document.activeElement;
        if (active && li.contains(active) && /TEXTAREA|INPUT|SELECT/.test(active.tagName)) {
            return true;
        }
        return Array.prototype.some.call(li.querySelectorAll('textarea'), function (t) { return t.value !== t.defaultValue; });
    }

    function refreshThread(threadId, byOther) {
        if (!list) {
            return;
        }
        fetch('/annotations/' + threadId + '/thread', { credentials: 'same-origin' }).then(function (r) {
            if (r.status === 404) {
                removeThread(threadId);
                return null;
            }
            return r.ok ? r.text() : null;
        }).then(function (html) {
            if (!html) {
                return;
            }
            var template = document.createElement('template');
            template.innerHTML = html.trim();
            var fresh = template.content.querySelector('li[data-thread]');
            if (!fresh) {
                return;
            }
            var existing = list.querySelector('li[data-thread="' + threadId + '"]');
            if (existing && busy(existing)) {
                offerUpdate(existing, fresh);
                return;
            }
            if (byOther) {
                markNew(fresh);
            }
            if (existing) {
                existing.replaceWith(fresh);
            } else {
                insertInOrder(fresh);
                highlight(fresh);
            }
            var empty = document.querySelector('[data-empty-margin]');
            if (empty) {
                empty.hidden = true;
            }
            if (byOther) {
                announce('A thread was updated by another member.');
                markSeenSoon();
            }
        });
    }

    function markNew(li) {
        li.classList.add('thread-item--new');
        var article = li.querySelector('article');
        article.classList.add('thread--new');
        var title = article.querySelector('.thread__title');
        if (title && !title.querySelector('.badge--new')) {
            var badge = document.createElement('span');
            badge.className = 'badge badge--new';
            badge.textContent = 'New';
            title.insertBefore(badge, title.firstChild);
        }
    }

    function offerUpdate(existing, fresh) {
        if (existing.querySelector('[data-show-update]')) {
            existing.querySelector('[data-show-update]').onclick = function () { existing.replaceWith(fresh); };
            return;
        }
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button--quiet';
        button.dataset.showUpdate = '';
        button.textContent = 'New replies: show them (your draft here will be discarded)';
        button.onclick = function () { markNew(fresh); existing.replaceWith(fresh); };
        existing.querySelector('article').appendChild(button);
    }

    function insertInOrder(li) {
        var start = startOf(li);
        var after = Array.prototype.find.call(list.children, function (other) { return startOf(other) > start; });
        list.insertBefore(li, after || null);
    }

    function removeThread(threadId) {
        var li = list && list.querySelector('li[data-thread="' + threadId + '"]');
        if (li) {
            li.remove();
        }
        document.querySelectorAll('.paper-text mark[data-annotations="' + threadId + '"]').forEach(function (mark) {
            mark.replaceWith(document.createTextNode(mark.textContent));
        });
    }

    // Wraps the thread's passage in the text, counting code points as the server does.
    function highlight(li) {
        var start = startOf(li);
        var quote = li.querySelector('.thread__quote');
        if (start < 0 || !quote) {
            return;
        }
        var end = start + Array.from((quote.querySelector('a') || quote).textContent).length;
        var threadId = li.dataset.thread;
        var first = true;
        // Any block of the text view, or a line of the page view's text layer: each carries its offsets.
        document.querySelectorAll('.paper-text [data-start][data-end]').forEach(function (p) {
            var pStart = Number(p.dataset.start), pEnd = Number(p.dataset.end);
            if (pEnd <= start || pStart >= end) {
                return;
            }
            var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            var nodes = [];
            var node;
            while ((node = walker.nextNode())) {
                nodes.push(node);
            }
            var offset = pStart;
            nodes.forEach(function (textNode) {
                var chars = Array.from(textNode.data);
                var from = Math.max(start, offset) - offset, to = Math.min(end, offset + chars.length) - offset;
                offset += chars.length;
                if (from >= to) {
                    return;
                }
                var before = chars.slice(0, from).join(''), middle = chars.slice(from, to).join('');
                var piece = textNode.splitText(before.length);
                piece.splitText(middle.length);
                var mark = document.createElement('mark');
                mark.className = 'hl hl--live';
                mark.dataset.annotations = threadId;
                if (first) {
                    mark.id = 'hl-' + threadId;
                    first = false;
                }
                piece.replaceWith(mark);
                mark.appendChild(piece);
            });
        });
    }

    function announce(message) {
        if (status) {
            status.hidden = false;
            status.textContent = message;
        }
    }

    // What was shown live counts as seen, so it is not "new" again on the next visit.
    function markSeenSoon() {
        if (!group || group === '0') {
            return;
        }
        clearTimeout(seenTimer);
        seenTimer = setTimeout(function () {
            fetch('/api/papers/' + paper + '/seen', {
                method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
                body: JSON.stringify({ groupId: Number(group) })
            });
        }, 2000);
    }

    // ---- The stream, held by one tab ----

    var source = null, delay = MIN_DELAY, last = 0, instance = null;

    function publish(name, data) {
        handle(name, data);
        if (channel) {
            channel.postMessage({ name: name, data: data });
        }
    }

    function connect() {
        source = new EventSource('/api/events' + (last ? '?since=' + last : ''));
        source.addEventListener('hello', function (event) {
            var hello = JSON.parse(event.data);
            if (instance && hello.instance !== instance) {
                last = 0; // the server restarted: its numbers start again
            }
            instance = hello.instance;
            delay = MIN_DELAY;
            publish('status', { state: 'live' });
        });
        ['note', 'note_deleted', 'notification'].forEach(function (name) {
            source.addEventListener(name, function (event) {
                last = Math.max(last, Number(event.lastEventId) || 0);
                publish(name, JSON.parse(event.data));
            });
        });
        source.addEventListener('reconnect', function (event) {
            last = Math.max(last, Number(event.lastEventId) || 0);
            source.close();
            connect();
        });
        source.onerror = function () {
            source.close();
            var wait = Math.min(delay, MAX_DELAY);
            publish('status', { state: 'retrying', retry: wait });
            setTimeout(connect, wait + Math.floor(Math.random() * 500));
            delay = Math.min(delay * 2, MAX_DELAY);
        };
    }

    if (channel && navigator.locks) {
        channel.onmessage = function (event) { handle(event.data.name, event.data.data); };
        // Held until this tab closes; then another tab's request is granted and it connects.
        navigator.locks.request('marginalia-live-' + me, function () {
            connect();
            return new Promise(function () {});
        });
    } else {
        connect();
    }
})();
