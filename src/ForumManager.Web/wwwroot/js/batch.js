// Follows a background badge batch: moves the progress bar and shows the download link when the PDF is ready.
(function () {
    'use strict';
    var box = document.getElementById('batch');
    if (!box) { return; }
    var bar = document.getElementById('batch-progress');
    var status = document.getElementById('batch-status');
    var download = document.getElementById('batch-download');
    var template = status.textContent.replace(/\d+(\D+)\d+/, '{0}$1{1}');

    function poll() {
        fetch(box.dataset.statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { return; }
                bar.max = s.total;
                bar.value = s.done;
                status.textContent = template.replace('{0}', s.done).replace('{1}', s.total);
                if (s.state === 'done') {
                    status.textContent += ' ' + box.dataset.msgDone;
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
                    return;
                }
                setTimeout(poll, 500);
            })
            .catch(function () { setTimeout(poll, 2000); });
    }

    document.getElementById('batch-refresh').hidden = true;
    poll();
})();
