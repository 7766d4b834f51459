// Figures that the server pushes as they change (server-sent events): an element with data-live-url opens the
// stream, and each [data-live=name] inside it shows that figure of every event. Without the stream the figures stay
// as the page was drawn; the page says when they were last brought up to date.
(function () {
    'use strict';
    if (!window.EventSource) { return; }
    document.querySelectorAll('[data-live-url]').forEach(function (box) {
        var stamp = box.querySelector('[data-live-stamp]');
        var source = new EventSource(box.dataset.liveUrl);
        source.addEventListener(box.dataset.liveEvent || 'figures', function (e) {
            var figures;
            try { figures = JSON.parse(e.data); } catch (err) { return; }
            box.querySelectorAll('[data-live]').forEach(function (el) {
                var value = figures[el.dataset.live];
                if (value !== undefined && String(value) !== el.textContent) {
                    el.textContent = value;
                }
            });
            if (stamp) {
                stamp.textContent = new Date().toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
            }
        });
    });
})();
