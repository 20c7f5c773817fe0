// The page view's text layer. The server sends each line of a page with its canonical offsets and
// its box in percent of the page (data-box); this places every line over its glyphs and stretches
// its text to the box's width, measuring once per page when the page first comes near the screen
// (like pdf.js's text layer), so a selection follows the printed words. The font size is in
// container units, so the fit survives any resize without measuring again. Reading the pages and
// the highlights needs none of this: they are images and SVG links from the server.
(function () {
    'use strict';
    var pages = document.querySelectorAll('.pdf-page');
    if (!pages.length) {
        return;
    }
    document.documentElement.classList.add('pages-js');

    function place(page) {
        if (page.dataset.placed) {
            return;
        }
        page.dataset.placed = 'true';
        var image = page.querySelector('.pdf-page__image');
        var ratio = image.height / image.width; // page height over width, from the img attributes
        var lines = Array.from(page.querySelectorAll('.pdf-page__text [data-box]'));
        // Write first, then read, then write: one layout pass per page, not one per line.
        lines.forEach(function (line) {
            var box = line.dataset.box.split(' ').map(Number);
            line.style.left = box[0] + '%';
            line.style.top = box[1] + '%';
            line.style.height = box[3] + '%';
            // The line's height in percent of the page's width is its font size in container units.
            line.style.fontSize = (box[3] * ratio) + 'cqw';
        });
        var natural = lines.map(function (line) { return line.getBoundingClientRect().width; });
        var pageWidth = page.getBoundingClientRect().width;
        lines.forEach(function (line, i) {
            var target = Number(line.dataset.box.split(' ')[2]) / 100 * pageWidth;
            if (natural[i] > 0 && target > 0) {
                line.style.transform = 'scaleX(' + (target / natural[i]) + ')';
            }
        });
    }

    if ('IntersectionObserver' in window) {
        var observer = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
                if (entry.isIntersecting) {
                    place(entry.target);
                    observer.unobserve(entry.target);
                }
            });
        }, {rootMargin: '800px 0px'});
        pages.forEach(function (page) { observer.observe(page); });
    } else {
        pages.forEach(place);
    }
    // A permalink to a passage on a later page: its page is laid out before reader.js scrolls to it.
    window.addEventListener('hashchange', function () {
        var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
        var page = target && target.closest && target.closest('.pdf-page');
        if (page) { place(page); }
    });

    // The text layer lies over the highlights so words can be selected; a plain click on a
    // highlighted word still opens its thread, as in the text view.
    document.addEventListener('click', function (event) {
        var page = event.target.closest && event.target.closest('.pdf-page');
        var selection = window.getSelection();
        if (!page || (selection && !selection.isCollapsed)) {
            return;
        }
        var links = page.querySelectorAll('.pdf-hl');
        for (var i = links.length - 1; i >= 0; i--) {
            var r = links[i].getBoundingClientRect();
            if (event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom) {
                window.location.hash = links[i].getAttribute('href');
                return;
            }
        }
    });
})();
