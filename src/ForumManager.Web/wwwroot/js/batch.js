// Follows a background badge batch: moves the progress bar, shows the download link when the PDF is ready, and the
// retry button when the batch failed. Whichever server answers reads the batch from the database.
(function () {
    'use strict';
    var box = document.getElementById('batch');
    if (!box) { return; }
    var bar = document.getElementById('batch-progress');
    var status = document.getElementById('batch-status');
    var download = document.getElementById('batch-download');
    var retry = document.getElementById('batch-retry');

    function poll() {
        fetch(box.dataset.statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { return; }
                bar.max = s.total;
                bar.value = s.done;
                status.textContent = box.dataset.msgCount.replace('{0}', s.done).replace('{1}', s.total);
                if (s.state === 'done') {
                    status.textContent = box.dataset.msgDone.replace('{0}', s.done).replace('{1}', s.total);
                    download.hidden = false;
                    if (s.missingGlyphs > 0) {
                        var missing = document.getElementById('batch-missing');
                        missing.textContent = box.dataset.msgMissing.replace('{0}', s.missingGlyphs);
                        missing.hidden = false;
                    }
                    return;
                }
                if (s.state === 'failed') {
                    status.textContent = box.dataset.msgFailed;
                    document.getElementById('batch-reason').textContent = s.reason ? box.dataset.msgReason.replace('{0}', s.reason) : '';
                    retry.hidden = false;
                    return;
                }
                setTimeout(poll, 500);
            })
            .catch(function () { setTimeout(poll, 2000); });
    }

    document.getElementById('batch-refresh').hidden = true;
    if (retry.hidden) { poll(); }
})();
