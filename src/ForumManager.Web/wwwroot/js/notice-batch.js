// Follows a notice batch: the progress bar and each recipient's delivery state, until every message is sent, failed or withdrawn.
(function () {
    'use strict';
    var box = document.getElementById('notice-batch');
    if (!box) { return; }
    var table = document.querySelector('[data-testid=notice-recipients]');

    function set(id, value) { var el = document.getElementById(id); if (el) { el.textContent = value; } }

    function poll() {
        fetch(box.dataset.statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { return; }
                document.getElementById('notice-progress').value = s.percent;
                set('notice-percent', s.percent);
                set('notice-sent', s.sent);
                set('notice-failed', s.failed);
                set('notice-retrying', s.retrying);
                set('notice-queued', s.queued);
                set('notice-withdrawn', s.withdrawn);
                s.recipients.forEach(function (r) {
                    var cell = table.querySelector('tr[data-recipient="' + r.id + '"] td.state');
                    if (cell && cell.dataset.state !== r.state) {
                        cell.dataset.state = r.state;
                        var key = 'msg' + r.state.charAt(0).toUpperCase() + r.state.slice(1);
                        cell.textContent = (table.dataset[key] || r.state) + (r.error ? ' — ' + r.error : '');
                    }
                });
                if (s.sent + s.failed + s.withdrawn < s.total) { setTimeout(poll, 700); }
            })
            .catch(function () { setTimeout(poll, 2000); });
    }

    poll();
})();
