// The reader's margin lists threads without their forms, so a page of 1,000 notes stays light;
// past the first few hundred, threads are folded to one line. Each thread's link leads to its
// own page with every control. With JavaScript, folded threads unfold as they come near the
// view (or when a permalink names them), and "Reply, react…" opens the controls in place: the
// full thread replaces the compact one.
(function () {
    'use strict';
    var list = document.getElementById('thread-list');
    if (!list) {
        return;
    }

    function fetchThread(id, compact) {
        return fetch('/annotations/' + id + '/thread' + (compact ? '?compact=true' : ''), {credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('not available');
                }
                return response.text();
            }).then(function (html) {
                var template = document.createElement('template');
                template.innerHTML = html.trim();
                var fresh = template.content.querySelector('li[data-thread]');
                var current = list.querySelector('li[data-thread="' + id + '"]');
                if (!fresh || !current) {
                    throw new Error('not available');
                }
                current.replaceWith(fresh);
                return fresh;
            });
    }

    // Folded threads unfold as they near the view, a few at a time.
    var unfolding = {};
    function unfold(article) {
        var li = article.closest('li[data-thread]');
        var id = li.dataset.thread;
        if (!unfolding[id]) {
            unfolding[id] = fetchThread(id, true);
        }
        return unfolding[id];
    }
    var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            if (entry.isIntersecting) {
                observer.unobserve(entry.target);
                unfold(entry.target).catch(function () { /* stays folded, its link still works */ });
            }
        });
    }, {rootMargin: '800px 0px'}) : null;
    if (observer) {
        list.querySelectorAll('article.thread--folded').forEach(function (a) { observer.observe(a); });
    }

    // A permalink to a folded thread unfolds it, then shows it.
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target && target.classList.contains('thread--folded')) {
        unfold(target).then(function (li) {
            var article = li.querySelector('article');
            article.scrollIntoView({block: 'center'});
            article.focus({preventScroll: true});
        }).catch(function () { /* the link on the line still leads to the thread */ });
    }

    list.addEventListener('click', function (event) {
        var link = event.target.closest('a.thread__open');
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
            return;
        }
        event.preventDefault();
        var li = link.closest('li[data-thread]');
        var folded = li.querySelector('article.thread--folded');
        (folded ? unfold(folded) : fetchThread(li.dataset.thread, false)).then(function (fresh) {
            var article = fresh.querySelector('article');
            var reply = fresh.querySelector('details.note__reply');
            if (reply && !folded) {
                reply.open = true;
                reply.querySelector('textarea').focus();
            } else {
                article.focus();
            }
        }).catch(function () {
            window.location.href = link.href;
        });
    });
})();
