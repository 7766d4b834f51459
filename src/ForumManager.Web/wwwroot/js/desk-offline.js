// The desk without the network. For its checkpoint the desk keeps the server's roster in IndexedDB (refreshed every
// minute while online): names in every script with the server's folded search key, status, clearance, the hours the
// checkpoint admits each person, and the SHA-256 of each badge's token (never the token). With the network gone it
// finds people by name and decides a scan by the server's rules; the scan is queued (also in IndexedDB) with the time
// it was made and sent when the network returns, where the server's answer is final. checkin.js uses it through
// window.forumDeskOffline.
(function () {
    'use strict';
    var form = document.getElementById('desk-form');
    var panel = document.getElementById('desk-offline');
    if (!form || !panel || !window.indexedDB) { return; }
    var checkpoint = document.getElementById('checkpoint');
    var input = document.getElementById('q');
    var network = document.getElementById('desk-network');
    var found = document.getElementById('offline-results');
    var tokenPattern = /^[0-9a-f]{32}$/i;
    var zone = form.dataset.timeZone || undefined;
    var text = panel.dataset;
    var rosters = {};
    var leaving = false;
    var databasePromise = null;

    function format(template, values) {
        return (template || '').replace(/\{(\d+)\}/g, function (_, i) { return values[+i] === undefined ? '' : values[+i]; });
    }

    // ---- IndexedDB: the queue of scans, the roster of each checkpoint, and whom this desk admitted offline.
    function database() {
        if (!databasePromise) {
            databasePromise = new Promise(function (resolve, reject) {
                var request = indexedDB.open('forum-desk', 1);
                request.onupgradeneeded = function () {
                    var db = request.result;
                    db.createObjectStore('queue', { keyPath: 'scanId' });
                    db.createObjectStore('rosters', { keyPath: 'checkpoint' });
                    db.createObjectStore('admitted', { keyPath: 'key' });
                };
                request.onsuccess = function () { resolve(request.result); };
                request.onerror = function () { reject(request.error); };
            }).then(moveOldQueue);
        }
        return databasePromise;
    }

    function run(store, mode, work) {
        return database().then(function (db) { return inStore(db, store, mode, work); });
    }

    function inStore(db, store, mode, work) {
        return new Promise(function (resolve, reject) {
            var tx = db.transaction(store, mode);
            var request = work(tx.objectStore(store));
            tx.oncomplete = function () { resolve(request ? request.result : undefined); };
            tx.onerror = tx.onabort = function () { reject(tx.error); };
        });
    }

    // Scans a desk queued in localStorage before the queue moved here are kept, not lost in the upgrade.
    function moveOldQueue(db) {
        var old = [];
        try { old = JSON.parse(localStorage.getItem('forum-desk-queue') || '[]'); } catch (e) { old = []; }
        if (!old.length) { return db; }
        return inStore(db, 'queue', 'readwrite', function (store) {
            old.forEach(function (item) { store.put(item); });
        }).then(function () { localStorage.removeItem('forum-desk-queue'); return db; });
    }

    var queue = {
        all: function () {
            return run('queue', 'readonly', function (store) { return store.getAll(); }).then(function (items) {
                return (items || []).sort(function (a, b) { return (a.scannedAt || '').localeCompare(b.scannedAt || ''); });
            });
        },
        add: function (item) { return run('queue', 'readwrite', function (store) { store.put(item); }); },
        remove: function (scanId) { return run('queue', 'readwrite', function (store) { store.delete(scanId); }); }
    };

    // ---- The roster.
    function index(entry) {
        var byHash = new Map();
        entry.data.people.forEach(function (person) { byHash.set(person.tokenHash, person); });
        return { fetchedAt: entry.fetchedAt, data: entry.data, byHash: byHash, revoked: new Set(entry.data.revokedTokenHashes || []) };
    }

    function roster(point) {
        if (rosters[point]) { return Promise.resolve(rosters[point]); }
        return run('rosters', 'readonly', function (store) { return store.get(point); }).then(function (entry) {
            if (entry) { rosters[point] = index(entry); }
            return rosters[point] || null;
        }).catch(function () { return null; });
    }

    function refresh() {
        var point = checkpoint.value;
        if (!navigator.onLine) { return showNetwork(); }
        return fetch(panel.dataset.rosterUrl + '?checkpoint=' + encodeURIComponent(point), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) { if (!response.ok) { throw new Error('roster ' + response.status); } return response.json(); })
            .then(function (data) {
                if (leaving) { return; }
                var entry = { checkpoint: point, fetchedAt: new Date().toISOString(), data: data };
                rosters[point] = index(entry);
                return run('rosters', 'readwrite', function (store) { store.put(entry); }).then(forgetAdmittedOnceSent);
            })
            .catch(function () { })
            .then(showNetwork);
    }

    // Whom this desk admitted offline is kept until the server's roster can know it: once nothing waits to be sent.
    function forgetAdmittedOnceSent() {
        return queue.all().then(function (items) {
            if (items.length) { return; }
            admittedPromise = Promise.resolve(new Map());
            return run('admitted', 'readwrite', function (store) { store.clear(); });
        });
    }

    var admittedPromise = null;
    function admittedHere() {
        if (!admittedPromise) {
            admittedPromise = run('admitted', 'readonly', function (store) { return store.getAll(); }).then(function (entries) {
                return new Map((entries || []).map(function (e) { return [e.key, e]; }));
            });
        }
        return admittedPromise;
    }

    function clock(iso) {
        try {
            return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(new Date(iso));
        } catch (e) { return iso; }
    }

    function showNetwork() {
        return roster(checkpoint.value).then(function (kept) {
            var online = navigator.onLine;
            network.classList.toggle('offline', !online);
            panel.classList.toggle('offline', !online);
            if (online) {
                network.textContent = kept ? format(text.msgOnline, [kept.data.people.length, clock(kept.fetchedAt)]) : '';
            } else {
                network.textContent = kept ? format(text.msgOffline, [clock(kept.fetchedAt)]) : text.msgOfflineNoList;
            }
            network.hidden = network.textContent === '';
        });
    }

    // ---- Deciding a scan by the server's rules.
    function sha256(value) {
        if (!window.crypto || !crypto.subtle) { return Promise.reject(new Error('no secure context')); }
        return crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)).then(function (buffer) {
            return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        });
    }

    function day(instant) {
        try { return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(instant); } catch (e) { return instant.toISOString().slice(0, 10); }
    }

    // Outside every window: "zone" when the checkpoint never admits the person, "time" when it admits them at another
    // hour of the same day, "day" otherwise.
    function outside(windows, when) {
        if (windows.length === 0) { return 'zone'; }
        var t = when.getTime();
        var open = windows.some(function (w) { return Date.parse(w[0]) <= t && t < Date.parse(w[1]); });
        if (open) { return null; }
        var today = day(when);
        var sameDay = windows.some(function (w) { return day(new Date(w[0])) <= today && today <= day(new Date(Date.parse(w[1]) - 1)); });
        return sameDay ? 'time' : 'day';
    }

    function decide(token, point, when) {
        return roster(point).then(function (kept) {
            if (!kept) { return null; }
            return sha256(token.trim().toLowerCase()).then(function (hash) {
                var answer = { offline: true, result: 'unknown-token', delegate: null, checkedInAt: null, checkedInBy: null };
                if (kept.revoked.has(hash)) { answer.result = 'revoked'; return answer; }
                var person = kept.byHash.get(hash);
                if (!person) { return answer; }
                answer.delegate = { id: person.id, latinName: person.latinName, nativeName: person.nativeName, reference: person.reference, photoUrl: person.thumbnail || null };
                var refusal = person.status !== 'Approved' ? 'not-approved'
                    : kept.data.clearanceRequired && person.clearance !== 'Cleared' ? 'not-cleared'
                    : outside(person.windows || [], when);
                if (refusal) { answer.result = refusal; return answer; }
                if (person.checkedInAt) {
                    answer.result = 'already-checked-in';
                    answer.checkedInAt = person.checkedInAt;
                    answer.checkedInBy = person.checkedInBy;
                    return answer;
                }
                var key = point + '|' + person.id;
                return admittedHere().then(function (admitted) {
                    var earlier = admitted.get(key);
                    if (earlier) {
                        answer.result = 'already-checked-in';
                        answer.checkedInAt = earlier.at;
                        answer.checkedInBy = text.msgThisDesk;
                        return answer;
                    }
                    // Kept in memory at once (the next scan may come within milliseconds) and written to IndexedDB behind
                    // the answer, so that a reload still knows.
                    var entry = { key: key, at: when.toISOString() };
                    admitted.set(key, entry);
                    run('admitted', 'readwrite', function (store) { store.put(entry); }).catch(function () { });
                    answer.result = 'checked-in';
                    answer.checkedInAt = entry.at;
                    return answer;
                });
            });
        }).catch(function () { return null; });
    }

    // The words for refusals the desk decides itself; checkin.js words the rest.
    function message(answer, name) {
        switch (answer.result) {
            case 'revoked': return text.msgRevoked;
            case 'not-cleared': return format(text.msgNotCleared, [name]);
            case 'zone': return format(text.msgZone, [name]);
            case 'day': return format(text.msgDay, [name]);
            case 'time': return format(text.msgTime, [name]);
            default: return null;
        }
    }

    function mark(element) {
        var note = document.createElement('span');
        note.className = 'decided-offline';
        note.setAttribute('data-testid', 'decided-offline');
        note.textContent = text.msgDecidedOffline;
        element.insertBefore(document.createTextNode(' '), element.firstChild);
        element.insertBefore(note, element.firstChild);
    }

    // ---- Search by name, as the server's NameSearch folds and matches.
    var special = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ı': 'i', 'þ': 'th' };
    var punctuation = /[\p{Pd}\p{Po}\p{Pc}\p{Pi}\p{Pf}\p{Ps}\p{Pe}]/gu;

    function fold(value) {
        if (!value) { return ''; }
        var out = '';
        for (var ch of value.normalize('NFKD')) {
            var code = ch.codePointAt(0);
            if ((code >= 0x300 && code <= 0x36f) || code === 0x61c || code === 0x200e || code === 0x200f
                || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) { continue; }
            var lower = ch.toLowerCase();
            out += special[lower] || lower;
        }
        return out.normalize('NFC');
    }

    function terms(query) {
        var seen = [];
        fold(query).split(/\s+/).forEach(function (word) {
            var joined = word.replace(punctuation, '');
            if (joined && seen.indexOf(joined) < 0) { seen.push(joined); }
        });
        return seen;
    }

    function matches(person, words, query) {
        var key = person.searchKey || '';
        if (words.length && words.every(function (w) { return key.indexOf(' ' + w) >= 0; })) { return true; }
        if (words.length > 1 && key.indexOf(' ' + words.join('')) >= 0) { return true; }
        var reference = (person.reference || '').toLowerCase();
        var asked = query.trim().toLowerCase();
        if (asked && (reference === asked || (/^\d+$/.test(asked) && /\d+$/.test(reference) && +reference.match(/\d+$/)[0] === +asked))) { return true; }
        return !!person.delegation && fold(person.delegation).indexOf(fold(query.trim())) >= 0;
    }

    function cell(row, value, label, lang) {
        var td = document.createElement('td');
        if (label) { td.setAttribute('data-label', label); }
        if (lang) { td.lang = lang; }
        td.textContent = value || '';
        row.appendChild(td);
        return td;
    }

    function search(query) {
        return roster(checkpoint.value).then(function (kept) {
            found.replaceChildren();
            found.hidden = false;
            document.querySelectorAll('[data-testid="checkin-results"], p.empty').forEach(function (old) { old.hidden = true; });
            if (!kept) {
                var none = document.createElement('p');
                none.className = 'empty';
                none.textContent = text.msgOfflineNoList;
                found.appendChild(none);
                return;
            }
            var words = terms(query);
            var now = new Date();
            var people = kept.data.people.filter(function (p) { return matches(p, words, query); }).slice(0, 50);
            if (!people.length) {
                var empty = document.createElement('p');
                empty.className = 'empty';
                empty.setAttribute('role', 'status');
                empty.textContent = text.msgNoResults;
                found.appendChild(empty);
                return;
            }
            var table = document.createElement('table');
            table.className = 'desk-results';
            table.setAttribute('data-testid', 'offline-results-table');
            var caption = document.createElement('caption');
            caption.textContent = format(text.msgResults, [people.length]);
            table.appendChild(caption);
            var head = document.createElement('thead');
            var headRow = document.createElement('tr');
            [text.colName, text.colReference, text.colNative, text.colDelegation, text.colCategory, text.colStatus, text.colNow].forEach(function (label) {
                var th = document.createElement('th');
                th.scope = 'col';
                th.textContent = label;
                headRow.appendChild(th);
            });
            head.appendChild(headRow);
            table.appendChild(head);
            var body = document.createElement('tbody');
            people.forEach(function (person) {
                var row = document.createElement('tr');
                row.setAttribute('data-testid', 'offline-row');
                var th = document.createElement('th');
                th.scope = 'row';
                th.textContent = person.latinName;
                row.appendChild(th);
                cell(row, person.reference, text.colReference).className = 'reference';
                cell(row, person.nativeName, text.colNative, person.nativeLanguage);
                cell(row, person.delegation, text.colDelegation);
                cell(row, kept.data.categories[person.category] || person.category, text.colCategory);
                cell(row, kept.data.statuses[person.status] || person.status, text.colStatus);
                var refusal = person.status !== 'Approved' ? 'not-approved'
                    : kept.data.clearanceRequired && person.clearance !== 'Cleared' ? 'not-cleared'
                    : outside(person.windows || [], now);
                var verdict = cell(row, refusal ? (message({ result: refusal }, person.latinName) || text.msgNotApprovedShort) : text.msgMayEnter, text.colNow);
                verdict.className = refusal ? 'alert' : 'desk-ok';
                body.appendChild(row);
            });
            table.appendChild(body);
            found.appendChild(table);
        });
    }

    form.addEventListener('submit', function (event) {
        var value = input.value.trim();
        if (navigator.onLine || tokenPattern.test(value)) { return; }
        event.preventDefault();
        if (value) { search(value); }
    });

    // The list holds names: signing out at the desk removes it (and whom the desk admitted), but never a scan still
    // waiting to be sent. The sign-out waits for the removal, at most a second.
    var signOut = document.querySelector('form[action*="/account/logout" i]');
    if (signOut) {
        signOut.addEventListener('submit', function (event) {
            event.preventDefault();
            leaving = true;
            rosters = {};
            var done = false;
            var leave = function () { if (!done) { done = true; signOut.submit(); } };
            setTimeout(leave, 1000);
            run('rosters', 'readwrite', function (store) { store.clear(); })
                .then(function () { return run('admitted', 'readwrite', function (store) { store.clear(); }); })
                .then(leave, leave);
        });
    }

    window.forumDeskOffline = { queue: queue, decide: decide, message: message, mark: mark, refresh: refresh, fold: fold, terms: terms };
    window.addEventListener('online', refresh);
    window.addEventListener('offline', showNetwork);
    setInterval(refresh, 60000);
    refresh();
})();
