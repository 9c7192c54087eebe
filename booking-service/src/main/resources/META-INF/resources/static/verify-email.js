// The verification page's only script: reads the token from the URL fragment (never sent to a server), removes it
// from the address bar and posts it to the API next to this page.
(function () {
  var match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  history.replaceState(null, '', window.location.pathname);
  var outcome = document.getElementById('outcome');
  if (!match) {
    outcome.textContent = 'This page needs the link from the email. Ask for a new one if it no longer works.';
    return;
  }
  fetch(new URL('api/auth/email-verification/confirm', window.location.href), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
    body: JSON.stringify({ token: match[1] })
  }).then(function (response) {
    return response.json().then(function (body) {
      outcome.textContent = response.ok ? body.message + ' (' + body.email + ')'
        : (body.detail || body.title || 'The address could not be confirmed.');
    });
  }).catch(function () {
    outcome.textContent = 'The service could not be reached. Please try again.';
  });
})();
