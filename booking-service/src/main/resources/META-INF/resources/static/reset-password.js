// The reset page's only script: reads the token from the URL fragment (never sent to a server), then posts it
// with the new password to the API next to this page. The fragment is removed from the address bar at once.
(function () {
  var match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  var token = match ? match[1] : null;
  history.replaceState(null, '', window.location.pathname);
  var form = document.getElementById('reset');
  var outcome = document.getElementById('outcome');
  if (!token) {
    outcome.textContent = 'This page needs the link from the email. Ask for a new one if it no longer works.';
    form.hidden = true;
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var password = document.getElementById('password').value;
    if (password !== document.getElementById('repeat').value) {
      outcome.textContent = 'The two passwords differ.';
      return;
    }
    var api = new URL('api/auth/password-reset/confirm', window.location.href);
    fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ token: token, password: password })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          form.hidden = true;
          outcome.textContent = body.message;
        } else {
          var field = body.errors && body.errors.length ? ' (' + body.errors[0].field + ': ' + body.errors[0].message + ')' : '';
          outcome.textContent = (body.detail || body.title || 'The password could not be changed.') + field;
        }
      });
    }).catch(function () {
      outcome.textContent = 'The service could not be reached. Please try again.';
    });
  });
})();
