// The desk shows the face of the person whose badge was just scanned, so staff compare it with the person in front of them.
(function () {
    'use strict';
    var result = document.getElementById('scan-result');
    var form = document.getElementById('desk-form');
    if (!result || !form) { return; }
    result.addEventListener('scan-answer', function (event) {
        var person = event.detail && event.detail.delegate;
        if (!person || !person.photoUrl) { return; }
        var face = document.createElement('img');
        face.className = 'scan-face';
        face.src = person.photoUrl;
        face.width = 150;
        face.height = 200;
        face.alt = (form.dataset.msgFace || '{0}').replace('{0}', person.latinName);
        face.setAttribute('data-testid', 'scan-face');
        result.insertBefore(face, result.firstChild);
    });
})();
