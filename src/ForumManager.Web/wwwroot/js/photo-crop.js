// A 3:4 frame over the chosen photo: dragged with a pointer, moved with the arrow keys, sized with the slider. Its place, in
// the pixels of the image as shown, goes in the hidden fields; without this script the server cuts the photo at its centre.
(function () {
    'use strict';
    document.querySelectorAll('[data-photo-crop]').forEach(function (root) {
        var input = root.querySelector('input[type=file]');
        var stage = root.querySelector('[data-crop-stage]');
        var box = root.querySelector('[data-crop-box]');
        // The picture shown under the frame exists only once a file is chosen.
        var image = document.createElement('img');
        image.alt = box.parentNode.dataset.alt || '';
        box.parentNode.insertBefore(image, box);
        var size = root.querySelector('[data-crop-size]');
        var fields = {};
        root.querySelectorAll('[data-crop-field]').forEach(function (f) { fields[f.dataset.cropField] = f; });
        var natural = { w: 0, h: 0 };
        var crop = { x: 0, y: 0, w: 0 };
        var objectUrl = null;

        function maxWidth() { return Math.min(natural.w, Math.floor(natural.h * 3 / 4)); }
        function clamp() {
            crop.w = Math.max(1, Math.min(crop.w, maxWidth()));
            var h = Math.round(crop.w * 4 / 3);
            crop.x = Math.max(0, Math.min(crop.x, natural.w - crop.w));
            crop.y = Math.max(0, Math.min(crop.y, natural.h - h));
        }
        function draw() {
            clamp();
            var h = Math.round(crop.w * 4 / 3);
            box.style.left = (crop.x / natural.w * 100) + '%';
            box.style.top = (crop.y / natural.h * 100) + '%';
            box.style.width = (crop.w / natural.w * 100) + '%';
            box.style.height = (h / natural.h * 100) + '%';
            fields.x.value = Math.round(crop.x);
            fields.y.value = Math.round(crop.y);
            fields.width.value = Math.round(crop.w);
            fields.height.value = h;
        }
        function clear() {
            stage.hidden = true;
            Object.keys(fields).forEach(function (k) { fields[k].value = ''; });
        }

        input.addEventListener('change', function () {
            if (objectUrl) { URL.revokeObjectURL(objectUrl); objectUrl = null; }
            var file = input.files && input.files[0];
            if (!file) { clear(); return; }
            objectUrl = URL.createObjectURL(file);
            image.onload = function () {
                // The browser turns the picture as the camera recorded; its natural size is that of the upright picture, as the server sees it.
                natural = { w: image.naturalWidth, h: image.naturalHeight };
                crop.w = maxWidth();
                crop.x = (natural.w - crop.w) / 2;
                crop.y = (natural.h - Math.round(crop.w * 4 / 3)) / 2;
                size.value = 100;
                stage.hidden = false;
                draw();
            };
            image.onerror = clear;
            image.src = objectUrl;
        });

        size.addEventListener('input', function () {
            var cx = crop.x + crop.w / 2, cy = crop.y + crop.w * 2 / 3;
            crop.w = maxWidth() * Number(size.value) / 100;
            crop.x = cx - crop.w / 2;
            crop.y = cy - crop.w * 2 / 3;
            draw();
        });

        var drag = null;
        box.addEventListener('pointerdown', function (e) {
            drag = { px: e.clientX, py: e.clientY, x: crop.x, y: crop.y, scale: natural.w / image.getBoundingClientRect().width };
            box.setPointerCapture(e.pointerId);
            e.preventDefault();
        });
        box.addEventListener('pointermove', function (e) {
            if (!drag) { return; }
            crop.x = drag.x + (e.clientX - drag.px) * drag.scale;
            crop.y = drag.y + (e.clientY - drag.py) * drag.scale;
            draw();
        });
        box.addEventListener('pointerup', function () { drag = null; });
        box.addEventListener('pointercancel', function () { drag = null; });
        box.addEventListener('keydown', function (e) {
            var step = Math.max(1, Math.round(natural.w / 50));
            var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
            if (!moves[e.key]) { return; }
            crop.x += moves[e.key][0];
            crop.y += moves[e.key][1];
            draw();
            e.preventDefault();
        });
    });
})();
