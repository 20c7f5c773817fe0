// The reader's annotation layer. Without it, reading, highlights, threads, replies and notes on
// the whole paper all work through plain links and forms; this adds selection-to-note, keyboard
// navigation between highlights, and saving without leaving the page's place.
(function () {
    'use strict';
    var reader = document.querySelector('.reader');
    var text = document.querySelector('.paper-text');
    if (!reader || !text) {
        return;
    }
    var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    var toolbar = document.querySelector('.selection-toolbar');
    var composer = document.getElementById('composer');
    var form = composer && composer.querySelector('[data-composer]');
    var switcher = document.getElementById('group-switch');
    var CONTEXT = 32;
    var pending = null;

    if (switcher) {
        switcher.addEventListener('change', function () { switcher.form.submit(); });
    }

    // Offsets count Unicode code points in the canonical text, as the server does.
    function codePoints(s) { return Array.from(s).length; }

    function offsetIn(paragraph, node, offset) {
        var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        var count = 0;
        var current;
        while ((current = walker.nextNode())) {
            if (current === node) {
                return count + codePoints(current.data.slice(0, offset));
            }
            count += codePoints(current.data);
        }
        // The boundary is an element: count the text before its offset-th child.
        var range = document.createRange();
        range.setStart(paragraph, 0);
        range.setEnd(node, offset);
        return codePoints(range.toString());
    }

    // Every block of the document (paragraph, heading, caption, equation, footnote, reference)
    // carries the code-point offsets of its text; nothing else in the text section does.
    var BLOCK = '[data-start][data-end]';
    var blocks = Array.from(text.querySelectorAll(BLOCK));

    function paragraphOf(node) {
        var el = node.nodeType === 1 ? node : node.parentElement;
        var block = el && el.closest(BLOCK);
        return block && text.contains(block) ? block : null;
    }

    function currentSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
            return null;
        }
        var range = selection.getRangeAt(0);
        var startP = paragraphOf(range.startContainer);
        var endP = paragraphOf(range.endContainer);
        if (!startP || !endP) {
            return null;
        }
        var start = Number(startP.dataset.start) + offsetIn(startP, range.startContainer, range.startOffset);
        var end = Number(endP.dataset.start) + offsetIn(endP, range.endContainer, range.endOffset);
        if (end <= start) {
            return null;
        }
        var from = Math.max(0, start - CONTEXT);
        var all = Array.from(canonical(from, end + CONTEXT));
        return {
            start: start, end: end,
            exact: all.slice(start - from, end - from).join(''),
            prefix: all.slice(0, start - from).join(''),
            suffix: all.slice(end - from).join(''),
            rect: range.getBoundingClientRect()
        };
    }

    // The canonical text in [from, to): the blocks there, joined by the blank lines between them.
    // Only the blocks the range touches are read (found by binary search), so the cost grows with
    // the selection, not with the paper.
    function canonical(from, to) {
        var lo = 0, hi = blocks.length;
        while (lo < hi) {
            var mid = (lo + hi) >> 1;
            if (Number(blocks[mid].dataset.end) <= from) { lo = mid + 1; } else { hi = mid; }
        }
        var out = '';
        var position = from;
        for (var i = lo; i < blocks.length && position < to; i++) {
            var start = Number(blocks[i].dataset.start);
            while (position < start && position < to) { out += '\n'; position++; }
            var chars = Array.from(blocks[i].textContent);
            var piece = chars.slice(position - start, Math.min(chars.length, to - start));
            out += piece.join('');
            position = start + chars.length;
        }
        return out;
    }

    function showToolbar(sel) {
        pending = sel;
        toolbar.hidden = false;
        var top = window.scrollY + sel.rect.top - toolbar.offsetHeight - 8;
        toolbar.style.top = Math.max(window.scrollY + 4, top) + 'px';
        toolbar.style.left = Math.max(4, Math.min(window.innerWidth - toolbar.offsetWidth - 4, sel.rect.left)) + 'px';
    }

    function hideToolbar() {
        toolbar.hidden = true;
    }

    document.addEventListener('selectionchange', function () {
        var sel = currentSelection();
        if (sel) { showToolbar(sel); } else if (!toolbar.contains(document.activeElement)) { hideToolbar(); }
    });

    function field(name) { return form.querySelector('[name="' + name + '"]'); }

    function openComposer(motivation) {
        var sel = pending || currentSelection();
        if (!sel || !form) {
            return;
        }
        field('motivation').value = motivation;
        ['start', 'end', 'exact', 'prefix', 'suffix'].forEach(function (k) { field(k).value = sel[k]; });
        composer.querySelector('[data-quote]').textContent = sel.exact;
        hideToolbar();
        if (motivation === 'HIGHLIGHTING') {
            save();
            return;
        }
        composer.hidden = false;
        composer.querySelector('label[for="composer-body"]').firstChild.textContent =
            motivation === 'QUESTIONING' ? 'Question ' : 'Note ';
        composer.scrollIntoView({block: 'nearest'});
        field('body').focus();
    }

    function showError(message) {
        var error = form.querySelector('[data-composer-error]');
        error.textContent = message;
        error.hidden = false;
        composer.hidden = false;
    }

    // Saves through the JSON API; on success the page reloads at the new thread, so the server
    // lays out the highlights again. The typed text stays in the form on any failure.
    function save() {
        var group = Number(field('groupId').value);
        var body = {
            groupId: group || null,
            motivation: field('motivation').value,
            start: Number(field('start').value), end: Number(field('end').value),
            exact: field('exact').value, prefix: field('prefix').value, suffix: field('suffix').value,
            body: field('body').value,
            tags: field('tags').value.split(/[,\s]+/).filter(Boolean)
        };
        // The form's request key goes with every attempt: a double click or a retry saves one note.
        fetch('/api/papers/' + reader.dataset.paper + '/annotations', {
            method: 'POST',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json',
                'Idempotency-Key': field('requestKey').value},
            body: JSON.stringify(body),
            credentials: 'same-origin'
        }).then(function (response) {
            return response.json().then(function (json) {
                if (!response.ok) {
                    throw new Error(json.message || 'The note could not be saved.');
                }
                var url = new URL(window.location.href);
                url.searchParams.set('group', String(group));
                url.hash = 'annotation-' + json.id;
                var sameDocument = url.pathname + url.search === window.location.pathname + window.location.search;
                window.location.href = url.toString();
                if (sameDocument) {
                    window.location.reload();
                }
            });
        }).catch(function (error) { showError(error.message); });
    }

    if (form) {
        form.addEventListener('submit', function (event) { event.preventDefault(); save(); });
        form.querySelector('[data-composer-cancel]').addEventListener('click', function () { composer.hidden = true; });
    }
    toolbar.addEventListener('mousedown', function (event) { event.preventDefault(); });
    toolbar.querySelectorAll('button').forEach(function (button) {
        button.addEventListener('click', function () { openComposer(button.dataset.action); });
    });

    // Re-attaching a detached note: the member selects its passage, then presses the button.
    document.querySelectorAll('[data-reattach]').forEach(function (button) {
        button.addEventListener('mousedown', function (event) { event.preventDefault(); });
        button.addEventListener('click', function () {
            var id = button.dataset.reattach;
            var error = document.querySelector('[data-reattach-error="' + id + '"]');
            var sel = currentSelection() || pending;
            if (!sel) {
                error.textContent = 'First select, in the text, the passage this note belongs to.';
                error.hidden = false;
                return;
            }
            fetch('/api/annotations/' + id + '/anchor', {
                method: 'POST',
                headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json'},
                body: JSON.stringify({start: sel.start, end: sel.end, exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix}),
                credentials: 'same-origin'
            }).then(function (response) {
                return response.json().then(function (json) {
                    if (!response.ok) { throw new Error(json.message || 'The note could not be re-attached.'); }
                    window.location.hash = 'annotation-' + id;
                    window.location.reload();
                });
            }).catch(function (e) { error.textContent = e.message; error.hidden = false; });
        });
    });

    // Keyboard: h, n, q act on the selection; j and k move between highlights; Enter follows.
    var highlights = Array.from(text.querySelectorAll('.hl-link'));
    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (event.ctrlKey || event.metaKey || event.altKey || /INPUT|TEXTAREA|SELECT/.test(target.tagName)) {
            return;
        }
        var key = event.key.toLowerCase();
        if ((key === 'h' || key === 'n' || key === 'q') && currentSelection()) {
            event.preventDefault();
            openComposer({h: 'HIGHLIGHTING', n: 'COMMENTING', q: 'QUESTIONING'}[key]);
        } else if ((key === 'j' || key === 'k') && highlights.length) {
            event.preventDefault();
            var index = highlights.indexOf(document.activeElement);
            index = key === 'j' ? Math.min(highlights.length - 1, index + 1) : Math.max(0, index - 1);
            highlights[index].focus();
        }
    });

    // A permalink opens its thread: scroll it into view and focus it.
    function openTarget() {
        var id = window.location.hash.slice(1);
        var thread = id && document.getElementById(id);
        if (thread) {
            var details = thread.querySelector('details.note__reply');
            thread.scrollIntoView({block: 'center'});
            thread.focus({preventScroll: true});
            if (details && thread.classList.contains('thread')) { details.open = details.open; }
        }
    }
    window.addEventListener('hashchange', openTarget);
    openTarget();
})();
