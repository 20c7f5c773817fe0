// Narrows the library as you type: every word must occur in a paper's metadata.
// Without JavaScript the same filter runs on the server through the form's "q" parameter.
(function () {
    'use strict';
    var input = document.querySelector('[data-filter-list]');
    var sort = document.querySelector('[data-autosubmit]');
    if (sort) {
        sort.addEventListener('change', function () { sort.form.submit(); });
    }
    if (!input) {
        return;
    }
    var list = document.getElementById(input.getAttribute('data-filter-list'));
    var items = Array.prototype.slice.call(list.querySelectorAll('[data-filter]'));
    var count = document.getElementById('result-count');
    var total = Number(count.getAttribute('data-total'));
    var noMatch = document.getElementById('no-match');

    function apply() {
        var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        items.forEach(function (item) {
            var text = item.getAttribute('data-filter');
            var match = words.every(function (w) { return text.indexOf(w) !== -1; });
            item.hidden = !match;
            if (match) { shown++; }
        });
        count.textContent = shown === total ? total + ' papers' : shown + ' of ' + total + ' papers match';
        noMatch.hidden = shown !== 0;
        var url = new URL(window.location.href);
        if (words.length) { url.searchParams.set('q', input.value.trim()); } else { url.searchParams.delete('q'); }
        window.history.replaceState(null, '', url);
    }

    input.addEventListener('input', apply);
    input.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') { input.value = ''; apply(); }
    });
})();
