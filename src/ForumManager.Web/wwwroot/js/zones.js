// Who is inside each zone, refreshed every 10 seconds on the desk and the dashboard; a full zone shows its warning.
(function () {
    'use strict';
    var section = document.querySelector('[data-occupancy-url]');
    if (!section) { return; }

    function refresh() {
        fetch(section.dataset.occupancyUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (zones) {
                if (!zones) { return; }
                zones.forEach(function (zone) {
                    var row = section.querySelector('tr[data-zone="' + zone.zoneId + '"]');
                    if (!row) { return; }
                    row.querySelector('[data-inside]').textContent = zone.inside;
                    row.querySelector('[data-full]').hidden = !zone.full;
                });
            })
            .catch(function () { });
    }

    window.forumZones = { refresh: refresh };
    setInterval(refresh, 10000);
})();
