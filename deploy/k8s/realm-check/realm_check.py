"""Logs in to a running Keycloak as the realms' users would, and checks what the realm asks of them.

    realm_check.py k8s   BASE REALM   # the Kubernetes realm, imported under REALM (see ./check)
    realm_check.py local BASE         # deploy/local/realm-praxis.json, imported as praxis

k8s: browser logins (authorisation code + PKCE, client praxis-mobile) for users with each staff role and
combinations: coaches, supervisors and admins are sent to set up TOTP on their first login and asked
for exactly one code afterwards; clients and sponsors are not asked; a client who sets up a code is
asked once; a wrong code is refused; password grants are refused; the 6th login after 5 wrong passwords
is refused; the password policy refuses weak passwords; a replaced refresh token is refused.
local: password grants of praxis-cli for the demo users (what deploy/local/smoke does), brute force,
refresh rotation, the password policy. Exits 1 on any difference. Standard library only.
"""
import base64
import hashlib
import hmac
import html
import http.cookiejar
import json
import os
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# Keycloak marks its cookies Secure; this runs over http on loopback.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True

REDIRECT = 'http://127.0.0.1:9/cb'  # never contacted: the code is read from the redirect
PASSWORD = 'a-long-enough-passphrase-1'
failures = []


def check(what, expected, actual):
    ok = expected == actual
    print('%-4s %-70s %s' % ('ok' if ok else 'FAIL', what, actual if ok else 'expected %r, got %r' % (expected, actual)))
    if not ok:
        failures.append(what)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def post(url, fields, token=None, method='POST', body=None):
    data = body.encode() if body is not None else urllib.parse.urlencode(fields).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header('Authorization', 'Bearer ' + token)
    if body is not None:
        req.add_header('Content-Type', 'application/json')
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text.strip().startswith(('{', '[')) else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, (json.loads(text) if text.strip().startswith('{') else text)


def get(url, token):
    req = urllib.request.Request(url, headers={'Authorization': 'Bearer ' + token})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read().decode())


def totp(secret, at):
    """RFC 6238 with Keycloak's defaults (SHA-1, 6 digits, 30 s); the form's hidden totpSecret is the raw key."""
    h = hmac.new(secret.encode(), struct.pack('>Q', int(at // 30)), hashlib.sha1).digest()
    o = h[-1] & 15
    return '%06d' % ((struct.unpack('>I', h[o:o + 4])[0] & 0x7fffffff) % 1000000)


class Browser:
    """One fresh browser: a login through the realm's browser flow, answering what it asks."""

    def __init__(self, oidc, secrets):
        self.oidc, self.secrets = oidc, secrets
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
        self.tokens = None

    def _submit(self, page, fields):
        action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', page).group(1))
        try:
            return self.op.open(action, urllib.parse.urlencode(fields).encode()).read().decode(), None
        except urllib.error.HTTPError as e:
            if e.code in (302, 303):
                return None, e.headers['Location']
            raise

    def login(self, user, password=PASSWORD, wrong_code=False):
        """The steps Keycloak took after the password: CONFIGURE_TOTP, OTP, code, or page: <error>."""
        verifier = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b'=').decode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b'=').decode()
        q = urllib.parse.urlencode({'client_id': 'praxis-mobile', 'response_type': 'code', 'scope': 'openid', 'redirect_uri': REDIRECT,
                                    'code_challenge': challenge, 'code_challenge_method': 'S256'})
        page = self.op.open(self.oidc + '/auth?' + q).read().decode()
        page, loc = self._submit(page, {'username': user, 'password': password})
        steps, codes_sent = [], 0
        for _ in range(6):
            if loc and not loc.startswith(REDIRECT):
                page, loc = self.op.open(loc).read().decode(), None
                continue
            if loc:
                code = urllib.parse.parse_qs(urllib.parse.urlparse(loc).query).get('code', [None])[0]
                if code:
                    status, self.tokens = post(self.oidc + '/token', {'grant_type': 'authorization_code', 'client_id': 'praxis-mobile',
                                                                     'code': code, 'redirect_uri': REDIRECT, 'code_verifier': verifier})
                    steps.append('code' if status == 200 else 'code refused')
                else:
                    steps.append('redirect without code')
                return steps
            if 'name="totpSecret"' in page:
                secret = re.search(r'name="totpSecret" value="([^"]+)"', page).group(1)
                self.secrets[user] = secret
                steps.append('CONFIGURE_TOTP')
                page, loc = self._submit(page, {'totp': totp(secret, time.time()), 'totpSecret': secret, 'userLabel': 'realm-check'})
            elif re.search(r'name="otp"', page):
                steps.append('OTP')
                if wrong_code:
                    return steps + ['wrong code refused' if 'name="otp"' in self._submit(page, {'otp': '000000'})[0] else 'wrong code accepted']
                codes_sent += 1
                # a code the realm has not seen yet (one-time codes are not reusable)
                page, loc = self._submit(page, {'otp': totp(self.secrets[user], time.time() + 30 * codes_sent)})
            else:
                err = re.search(r'id="input-error"[^>]*>\s*([^<]*)|kc-feedback-text[^>]*>\s*([^<]*)', page)
                steps.append('page: ' + ((err.group(1) or err.group(2)).strip() if err else '?'))
                return steps
        return steps


def admin_token(base):
    status, t = post(base + '/realms/master/protocol/openid-connect/token',
                     {'grant_type': 'password', 'client_id': 'admin-cli', 'username': 'admin', 'password': 'admin'})
    assert status == 200, t
    return t['access_token']


def user_id(base, realm, token, username):
    return get('%s/admin/realms/%s/users?username=%s&exact=true' % (base, realm, username), token)[0]['id']


def policy_checks(base, realm, token, username):
    uid = user_id(base, realm, token, username)
    url = '%s/admin/realms/%s/users/%s/reset-password' % (base, realm, uid)
    for pw, expected in [('short-pw', 'invalidPasswordMinLengthMessage'), (username + '-and-more', 'invalidPasswordNotContainsUsernameMessage'),
                         ('another-long-passphrase', None), ('another-long-passphrase', 'invalidPasswordHistoryMessage')]:
        status, answer = post(url, None, token, 'PUT', json.dumps({'type': 'password', 'value': pw, 'temporary': False}))
        check('password policy: %s' % (expected or 'a good passphrase is taken'), expected,
              answer.get('error') if isinstance(answer, dict) else None)


def rotation_checks(oidc, client_id, first):
    """first: a token response; a refresh gives a new refresh token, the replaced one is refused."""
    status, second = post(oidc + '/token', {'grant_type': 'refresh_token', 'client_id': client_id, 'refresh_token': first['refresh_token']})
    check('refresh gives a new refresh token', True, status == 200 and second.get('refresh_token') not in (None, first['refresh_token']))
    status, again = post(oidc + '/token', {'grant_type': 'refresh_token', 'client_id': client_id, 'refresh_token': first['refresh_token']})
    check('the replaced refresh token is refused', 'invalid_grant', again.get('error') if isinstance(again, dict) else status)


def k8s(base, realm):
    token = admin_token(base)
    oidc = '%s/realms/%s/protocol/openid-connect' % (base, realm)
    roles = {r['name']: r for r in get('%s/admin/realms/%s/roles' % (base, realm), token)}
    users = {'client': ['client'], 'sponsor': ['sponsor'], 'coach': ['coach'], 'supervisor': ['supervisor'], 'admin': ['admin'],
             'coach-admin': ['coach', 'admin'], 'supervisor-admin': ['supervisor', 'admin'], 'coach-supervisor': ['coach', 'supervisor'],
             'client-otp': ['client'], 'locked': ['client'], 'policy': ['client']}
    for name, rs in users.items():
        status, _ = post('%s/admin/realms/%s/users' % (base, realm), None, token, body=json.dumps({
            'username': 'u-' + name, 'enabled': True, 'email': 'u-%s@example.org' % name, 'emailVerified': True, 'firstName': 'Realm',
            'lastName': 'Check', 'attributes': {'tenant': ['acme']},
            'requiredActions': ['CONFIGURE_TOTP'] if name == 'client-otp' else [],
            'credentials': [{'type': 'password', 'value': PASSWORD, 'temporary': False}]}))
        assert status == 201, (name, status)
        post('%s/admin/realms/%s/users/%s/role-mappings/realm' % (base, realm, user_id(base, realm, token, 'u-' + name)), None, token,
             body=json.dumps([roles[r] for r in rs]))
    secrets = {}
    staff = ['coach', 'supervisor', 'admin', 'coach-admin', 'supervisor-admin', 'coach-supervisor']
    for name in ['client', 'sponsor'] + staff + ['client-otp']:
        asks_setup = name in staff or name == 'client-otp'
        check('first login, %s' % name, ['CONFIGURE_TOTP', 'code'] if asks_setup else ['code'], Browser(oidc, secrets).login('u-' + name))
    for name in ['client', 'sponsor'] + staff + ['client-otp']:
        asks = name in staff or name == 'client-otp'
        check('next login, %s' % name, ['OTP', 'code'] if asks else ['code'], Browser(oidc, secrets).login('u-' + name))
    check('a wrong code', ['OTP', 'wrong code refused'], Browser(oidc, secrets).login('u-coach', wrong_code=True))
    status, answer = post(oidc + '/token', {'grant_type': 'password', 'client_id': 'praxis-mobile', 'username': 'u-client', 'password': PASSWORD})
    check('password grant of praxis-mobile', 'unauthorized_client', answer.get('error'))
    for i in range(5):
        Browser(oidc, secrets).login('u-locked', password='wrong-%d' % i)
        time.sleep(1.1)  # slower than the quick-login check, so each failure counts as one
    check('the right password after 5 wrong ones', True, Browser(oidc, secrets).login('u-locked')[0].startswith('page:'))
    policy_checks(base, realm, token, 'u-policy')
    b = Browser(oidc, secrets)
    b.login('u-sponsor')
    rotation_checks(oidc, 'praxis-mobile', b.tokens)


def local(base):
    token = admin_token(base)
    oidc = base + '/realms/praxis/protocol/openid-connect'

    def grant(user, password='praxis'):
        return post(oidc + '/token', {'grant_type': 'password', 'client_id': 'praxis-cli', 'username': user, 'password': password})

    for user in ['client1', 'client2', 'coach1', 'coach2', 'supervisor1', 'sponsor1', 'admin1', 'client3', 'coach3', 'admin3']:
        status, answer = grant(user)
        check('password grant, %s' % user, 200, status)
    claims = json.loads(base64.urlsafe_b64decode(grant('admin1')[1]['access_token'].split('.')[1] + '=='))
    check('admin1: tenant, role, audience as smoke expects', ('acme', True, True),
          (claims.get('tenant'), 'admin' in claims['realm_access']['roles'], 'praxis-api' in json.dumps(claims.get('aud'))))
    rotation_checks(oidc, 'praxis-cli', grant('client1')[1])
    for i in range(5):
        grant('client2', 'wrong-%d' % i)
        time.sleep(1.1)
    check('the right password after 5 wrong ones', 'invalid_grant', grant('client2')[1].get('error'))
    policy_checks(base, 'praxis', token, 'sponsor1')


if __name__ == '__main__':
    if sys.argv[1] == 'k8s':
        k8s(sys.argv[2], sys.argv[3])
    else:
        local(sys.argv[2])
    print('%d check(s) failed' % len(failures) if failures else 'all checks passed')
    sys.exit(1 if failures else 0)
