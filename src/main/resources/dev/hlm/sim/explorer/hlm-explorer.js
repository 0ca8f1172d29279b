// The apiexplorer's initializer (decision D19): a "Select API" list from json/api.json (hvc chosen), a login
// bar that opens a session as a vCenter's explorer does (Basic auth on the session call), the token then sent
// on every call, and a logout that ends the session on the server.
(function () {
  'use strict';
  var SESSION_HEADER = 'vmware-api-session-id';
  var state = { ui: null, token: null, sessionPath: '/api/session' };
  var select = document.getElementById('api-select');
  var status = document.getElementById('explorer-status');
  var loginForm = document.getElementById('explorer-login');
  var logoutButton = document.getElementById('explorer-logout');

  function pathOf(url) {
    return new URL(url, window.location.href).pathname;
  }

  // The session token in either flavor's answer: /api sends the bare string, /rest {"value": token}.
  function tokenFrom(body) {
    if (typeof body === 'string') { return body; }
    return body && typeof body.value === 'string' ? body.value : null;
  }

  function loggedIn(token, user) {
    state.token = token;
    status.textContent = user ? 'Logged in as ' + user : 'Logged in';
    loginForm.hidden = true;
    logoutButton.hidden = false;
    if (state.ui) { state.ui.preauthorizeApiKey('session_id', token); }
  }

  function loggedOut(message) {
    state.token = null;
    status.textContent = message;
    loginForm.hidden = false;
    logoutButton.hidden = true;
    if (state.ui) { state.ui.authActions.logout(['session_id', 'basic_auth']); }
  }

  // The method of each session call the page sends, by URL: Swagger UI's answers do not carry it.
  var sessionCalls = {};

  function requestInterceptor(request) {
    var path = pathOf(request.url);
    if (path === state.sessionPath) {
      sessionCalls[request.url] = request.method;
    }
    if (request.method === 'POST' && path === state.sessionPath && request.url.indexOf('action') < 0) {
      request.headers['vmware-use-header-authn'] = 'true';
    } else if (state.token && !request.headers[SESSION_HEADER]) {
      request.headers[SESSION_HEADER] = state.token;
    }
    return request;
  }

  // A login or logout executed from the page itself counts as one made with the bar.
  function responseInterceptor(response) {
    if (pathOf(response.url) === state.sessionPath && response.ok) {
      var method = sessionCalls[response.url];
      var token = tokenFrom(response.body);
      if (method === 'POST' && response.url.indexOf('action') < 0 && token) {
        loggedIn(token, null);
      } else if (method === 'DELETE') {
        loggedOut('Logged out');
      }
    }
    return response;
  }

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return window.btoa(binary);
  }

  function errorText(response, body) {
    var type = body && (body.error_type || body.type) ? ' ' + (body.error_type || body.type) : '';
    return 'Login failed: HTTP ' + response.status + type;
  }

  loginForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var user = document.getElementById('explorer-user').value;
    var password = document.getElementById('explorer-password').value;
    fetch(state.sessionPath, {
      method: 'POST',
      headers: { 'Authorization': 'Basic ' + base64(user + ':' + password), 'vmware-use-header-authn': 'true' }
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        var token = response.ok ? tokenFrom(body) : null;
        if (token) {
          document.getElementById('explorer-password').value = '';
          loggedIn(token, user);
        } else {
          status.textContent = errorText(response, body);
        }
      });
    }).catch(function () { status.textContent = 'Login failed: no answer from the server'; });
  });

  logoutButton.addEventListener('click', function () {
    var headers = {};
    headers[SESSION_HEADER] = state.token;
    fetch(state.sessionPath, { method: 'DELETE', headers: headers })
      .then(function (response) { loggedOut(response.ok ? 'Logged out' : 'Logged out (the session had ended)'); })
      .catch(function () { loggedOut('Logged out (no answer from the server)'); });
  });

  function show(apiPackage) {
    state.ui = SwaggerUIBundle({
      url: 'json/' + apiPackage + '.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis],
      tryItOutEnabled: true,
      displayRequestDuration: true,
      requestInterceptor: requestInterceptor,
      responseInterceptor: responseInterceptor,
      onComplete: function () {
        if (state.token) { state.ui.preauthorizeApiKey('session_id', state.token); }
      }
    });
  }

  fetch('json/api.json').then(function (response) { return response.json(); }).then(function (index) {
    var packages = index.files.map(function (file) { return file.replace(/\.json$/, ''); });
    // 6.7 has no /api: its session lives in the cis package, at the legacy path.
    if (packages.indexOf('session') < 0) {
      state.sessionPath = '/rest/com/vmware/cis/session';
    }
    packages.forEach(function (name) {
      var option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      select.appendChild(option);
    });
    select.value = packages.indexOf('hvc') >= 0 ? 'hvc' : packages[0];
    select.addEventListener('change', function () { show(select.value); });
    show(select.value);
  });
}());
