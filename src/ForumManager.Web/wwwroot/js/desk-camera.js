// The desk's camera: a picture taken here becomes a JPEG in the photo form's file field, so it is sent as a chosen file
// would be. Without a camera (or without this script) staff choose a file.
(function () {
    'use strict';
    var root = document.querySelector('[data-desk-camera]');
    var input = document.querySelector('[data-photo-crop] input[type=file]');
    if (!root || !input || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof DataTransfer === 'undefined') { return; }
    var start = root.querySelector('[data-camera-start]');
    var capture = root.querySelector('[data-camera-capture]');
    var view = root.querySelector('[data-camera-view]');
    var message = root.querySelector('[data-camera-message]');
    var stream = null;
    start.hidden = false;

    function stop() {
        if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
        view.hidden = true;
        capture.hidden = true;
    }

    start.addEventListener('click', function () {
        message.textContent = '';
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false })
            .then(function (s) {
                stream = s;
                view.srcObject = s;
                view.hidden = false;
                return view.play();
            })
            .then(function () { capture.hidden = false; })
            .catch(function () { stop(); message.textContent = root.dataset.msgUnavailable; });
    });

    capture.addEventListener('click', function () {
        var w = view.videoWidth, h = view.videoHeight;
        if (!w || !h) { return; }
        var canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        canvas.getContext('2d').drawImage(view, 0, 0, w, h);
        canvas.toBlob(function (blob) {
            if (!blob) { message.textContent = root.dataset.msgUnavailable; return; }
            var files = new DataTransfer();
            files.items.add(new File([blob], 'desk-photo.jpg', { type: 'image/jpeg' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
            stop();
        }, 'image/jpeg', 0.92);
    });

    window.addEventListener('pagehide', stop);
})();
