// Narrows the library as you type: every word must occur in a paper's metadata. The filter runs on
// the server over the whole library (the page holds one page of papers), so this script only asks
// for the form's own GET address a moment after typing stops and swaps in the results and pager.
// Without JavaScript the same form submits the "q" parameter and the server answers the same page.
(function () {
    'use strict';
    var sort = document.querySelector('[data-autosubmit]');
    if (sort) {
        sort.addEventListener('change', function () { sort.form.submit(); });
    }
    var input = document.querySelector('[data-filter-input]');
    var results = document.getElementById('library-results');
    if (!input || !results || !window.fetch || !window.DOMParser) {
        return;
    }
    var form = input.form;
    var timer = null;
    var latest = 0;

    function address() {
        var params = new URLSearchParams(new FormData(form));
        if (!input.value.trim()) { params.delete('q'); }
        return form.getAttribute('action') + '?' + params.toString();
    }

    function apply() {
        var url = address();
        var mine = ++latest;
        results.setAttribute('aria-busy', 'true');
        fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
            .then(function (response) { return response.text().then(function (html) { return [response, html]; }); })
            .then(function (answer) {
                if (mine !== latest) { return; }
                var page = new DOMParser().parseFromString(answer[1], 'text/html');
                var fresh = page.getElementById('library-results');
                if (answer[0].ok && fresh) {
                    results.innerHTML = fresh.innerHTML;
                    window.history.replaceState(null, '', url);
                } else {
                    // A refused filter (too many words) says why, as the page would without JavaScript.
                    var message = page.querySelector('main p, p');
                    document.getElementById('result-count').textContent =
                        message ? message.textContent : 'The filter could not be applied.';
                }
            })
            .catch(function () { /* offline: the form's Apply button still works */ })
            .then(function () { if (mine === latest) { results.setAttribute('aria-busy', 'false'); } });
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(apply, 250);
    });
    input.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && input.value) { input.value = ''; window.clearTimeout(timer); apply(); }
    });
})();
