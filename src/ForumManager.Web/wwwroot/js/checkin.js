// The check-in desk: scans go to the scan endpoint as JSON; while the network is away they are decided at the desk
// (desk-offline.js), wait in this browser (IndexedDB) with the time they were made, and are sent when it returns. Each
// scan has an id made here, so a scan sent twice counts once.
(function () {
    'use strict';
    var form = document.getElementById('desk-form');
    if (!form) { return; }
    var input = document.getElementById('q');
    var checkpoint = document.getElementById('checkpoint');
    var layout = document.getElementById('layout');
    var result = document.getElementById('scan-result');
    var queueNote = document.getElementById('offline-queue');
    var queueKey = 'forum-desk-queue';
    var tokenPattern = /^[0-9a-f]{32}$/i;
    var zone = form.dataset.timeZone || undefined;

    function format(template, values) {
        return template.replace(/\{(\d+)\}/g, function (_, i) { return values[+i] === undefined ? '' : values[+i]; });
    }

    function newScanId() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    // The queue lives in IndexedDB (desk-offline.js); a browser without it keeps the queue in localStorage.
    var offline = window.forumDeskOffline;
    var queue = offline ? offline.queue : {
        all: function () { try { return Promise.resolve(JSON.parse(localStorage.getItem(queueKey) || '[]')); } catch (e) { return Promise.resolve([]); } },
        add: function (item) { return queue.all().then(function (q) { q.push(item); localStorage.setItem(queueKey, JSON.stringify(q)); }); },
        remove: function (id) { return queue.all().then(function (q) { localStorage.setItem(queueKey, JSON.stringify(q.filter(function (i) { return i.scanId !== id; }))); }); }
    };

    function showQueue() {
        return queue.all().then(function (items) {
            queueNote.hidden = items.length === 0;
            queueNote.textContent = format(form.dataset.msgQueued, [items.length]);
            return items;
        });
    }

    function time(iso) {
        try {
            return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(new Date(iso));
        } catch (e) { return iso; }
    }

    function show(answer) {
        var person = answer.delegate;
        var name = person ? person.latinName + (person.nativeName ? ' · ' + person.nativeName : '') : '';
        var message;
        switch (answer.result) {
            case 'checked-in': message = format(form.dataset.msgCheckedIn, [name]); break;
            case 'already-checked-in': message = format(form.dataset.msgAlready, [name, time(answer.checkedInAt), answer.checkedInBy || '']); break;
            case 'not-approved': message = format(form.dataset.msgNotApproved, [name]); break;
            case 'admitted': message = format(form.dataset.msgAdmitted, [name]); break;
            case 'refused': message = format(form.dataset.msgRefused, [name, reasonText(answer.reason)]); break;
            case 'conflict': message = form.dataset.msgConflict; break;
            default: message = form.dataset.msgUnknown;
        }
        if (answer.offline && offline) { message = offline.message(answer, name) || message; }

        result.className = 'scan-result ' + answer.result;
        result.textContent = message;
        if (answer.result === 'refused') { result.setAttribute('data-reason', answer.reason || ''); } else { result.removeAttribute('data-reason'); }
        // The reference after the sentence, so the person at the desk can read it out or note it.
        if (person && person.reference) {
            var reference = document.createElement('span');
            reference.className = 'reference';
            reference.setAttribute('data-testid', 'scan-reference');
            reference.textContent = person.reference;
            result.appendChild(document.createTextNode(' '));
            result.appendChild(reference);
        }
        // A badge is offered only to someone the desk admits; "not approved" and the like get none.
        if (person && !answer.offline && person.cleared !== false && (answer.result === 'checked-in' || answer.result === 'already-checked-in')) {
            var link = document.createElement('a');
            link.href = '/checkin/badges/' + person.id + '.pdf' + (layout && layout.value ? '?layout=' + encodeURIComponent(layout.value) : '');
            link.target = '_blank';
            link.rel = 'noopener';
            link.textContent = form.dataset.msgPrint;
            link.setAttribute('data-testid', 'scan-print');
            result.appendChild(document.createTextNode(' '));
            result.appendChild(link);
        }
        if (answer.offline && offline) { offline.mark(result); }
        result.dispatchEvent(new CustomEvent('scan-answer', { detail: answer }));
    }

    // A door's reason in the desk's language; the data attribute's name is the reason's code.
    function reasonText(reason) {
        var key = 'reason' + String(reason || '').replace(/(^|-)([a-z])/g, function (_, __, c) { return c.toUpperCase(); });
        return form.dataset[key] || reason || '';
    }

    function post(scan) {
        return fetch(form.dataset.scanUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
            body: JSON.stringify(scan)
        }).then(function (response) {
            // A 4xx answer is final (a 409 says the scan id belongs to another scan): the scan leaves the queue with
            // its message rather than being sent again forever. Only an unreachable or failing server keeps it queued.
            if (response.status >= 500) { throw new Error('server ' + response.status); }
            return response.json().then(function (body) {
                // A desk whose clock is wrong gets its scan counted at the server's time rather than lost.
                if (response.status === 400 && body && body.error === 'scanned-at-out-of-range' && scan.scannedAt) {
                    var again = Object.assign({}, scan);
                    delete again.scannedAt;
                    return post(again);
                }
                return body;
            });
        });
    }

    function scan(token) {
        var item = { token: token.toLowerCase(), checkpoint: checkpoint.value, scanId: newScanId(), scannedAt: new Date().toISOString() };
        if (!navigator.onLine) { decideHere(item); return; }
        post(item).then(function (answer) { show(answer); refreshCounts(); if (window.forumZones) { window.forumZones.refresh(); } }).catch(function () { decideHere(item); });
    }

    // Without the network the desk answers from its roster, marked as decided offline, and queues the scan for the server.
    function decideHere(item) {
        var decided = offline ? offline.decide(item.token, item.checkpoint, new Date(item.scannedAt)) : Promise.resolve(null);
        decided.then(function (answer) {
            if (answer) { show(answer); }
            return enqueue(item, !answer);
        });
    }

    function enqueue(item, say) {
        return queue.add(item).then(showQueue).then(function (items) {
            if (!say) { return; }
            result.className = 'scan-result queued';
            result.textContent = format(form.dataset.msgQueued, [items.length]);
        });
    }

    var flushing = false;
    function flush() {
        if (flushing || !navigator.onLine) { return; }
        flushing = true;
        queue.all().then(function (items) {
            if (items.length === 0) { flushing = false; return; }
            var item = items[0];
            return post(item).then(function (answer) {
                // Only now is the scan taken off the queue; were the answer lost, sending it again counts once.
                return queue.remove(item.scanId).then(showQueue).then(function (left) {
                    show(answer);
                    flushing = false;
                    if (left.length === 0) { refreshCounts(); } else { flush(); }
                });
            });
        }).catch(function () { flushing = false; });
    }

    function showCounts(counts) {
        var total = document.getElementById('count-checked-in');
        if (!total || !counts) { return; }
        total.textContent = counts.checkedIn;
        document.getElementById('count-expected').textContent = counts.expected;
        var progress = document.getElementById('count-progress');
        progress.max = Math.max(1, counts.expected);
        progress.value = counts.checkedIn;
        var body = document.querySelector('#count-table tbody');
        var rows = counts.byDelegation.map(function (row) {
            var tr = document.createElement('tr');
            var th = document.createElement('th');
            th.scope = 'row';
            th.textContent = row.delegation || '—';
            tr.appendChild(th);
            [row.checkedIn, row.expected].forEach(function (n) { var td = document.createElement('td'); td.textContent = n; tr.appendChild(td); });
            return tr;
        });
        body.replaceChildren.apply(body, rows);
    }

    // The counts come pushed by the server whenever any desk checks someone in; while the stream is down they are
    // asked for every 15 s instead.
    var live = null;
    function refreshCounts() {
        if (!document.getElementById('count-checked-in') || (live && live.readyState === 1)) { return; }
        fetch(form.dataset.countsUrl + '?checkpoint=' + encodeURIComponent(checkpoint.value), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(showCounts)
            .catch(function () { });
    }

    if (window.EventSource && form.dataset.liveUrl && document.getElementById('count-checked-in')) {
        live = new EventSource(form.dataset.liveUrl + '?checkpoint=' + encodeURIComponent(checkpoint.value));
        live.addEventListener('counts', function (e) {
            try { showCounts(JSON.parse(e.data)); } catch (err) { }
        });
    }

    form.addEventListener('submit', function (event) {
        var value = input.value.trim();
        if (tokenPattern.test(value)) {
            event.preventDefault();
            input.value = '';
            scan(value);
            input.focus();
        }
    });

    checkpoint.addEventListener('change', function () { if (navigator.onLine) { form.submit(); } else if (offline) { offline.refresh(); } });
    if (layout) { layout.addEventListener('change', function () { form.submit(); }); }

    window.addEventListener('online', flush);
    setInterval(flush, 5000);
    setInterval(refreshCounts, 15000);
    showQueue().then(flush);

    // Camera scanning on phones and tablets, where the browser lets the page use the camera.
    var cameraButton = document.getElementById('camera-button');
    var video = document.getElementById('camera');
    if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.jsQR) {
        cameraButton.hidden = false;
        var canvas = document.createElement('canvas');
        var context = canvas.getContext('2d', { willReadFrequently: true });
        var stream = null;
        var stop = function () {
            if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
            stream = null;
            video.hidden = true;
        };
        var tick = function () {
            if (!stream) { return; }
            if (video.readyState === video.HAVE_ENOUGH_DATA) {
                canvas.width = video.videoWidth;
                canvas.height = video.videoHeight;
                context.drawImage(video, 0, 0, canvas.width, canvas.height);
                var image = context.getImageData(0, 0, canvas.width, canvas.height);
                var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
                if (code && tokenPattern.test(code.data.trim())) {
                    stop();
                    scan(code.data.trim());
                    return;
                }
            }
            requestAnimationFrame(tick);
        };
        cameraButton.addEventListener('click', function () {
            if (stream) { stop(); return; }
            navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
                stream = s;
                video.srcObject = s;
                video.hidden = false;
                video.play();
                requestAnimationFrame(tick);
            }).catch(function () {
                result.className = 'scan-result unknown-token';
                result.textContent = form.dataset.msgCameraFailed;
            });
        });
    }
})();
