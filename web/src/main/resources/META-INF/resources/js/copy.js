// "Copy link" buttons: copy the named input's value to the clipboard and say so.
(function () {
    'use strict';
    document.querySelectorAll('[data-copy]').forEach(function (button) {
        button.addEventListener('click', function () {
            var input = document.getElementById(button.getAttribute('data-copy'));
            input.select();
            var done = function () {
                var label = button.textContent;
                button.textContent = 'Copied';
                setTimeout(function () { button.textContent = label; }, 2000);
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
            } else {
                document.execCommand('copy');
                done();
            }
        });
    });
})();
