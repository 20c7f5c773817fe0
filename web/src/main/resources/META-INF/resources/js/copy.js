// "Copy link" buttons: copy the named input's value to the clipboard and say so.
(function () {
    'use strict';
    // Without a configured base URL the server writes invitation links as paths (it never trusts
    // the request's Host header); complete them with the address this page was really loaded from.
    document.querySelectorAll('input[data-own-origin]').forEach(function (input) {
        if (input.value.charAt(0) === '/' && input.value.charAt(1) !== '/') {
            input.value = window.location.origin + input.value;
        }
    });
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
