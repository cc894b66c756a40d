"""Every HTTP response carries the Content-Security-Policy, nosniff and no-referrer; other scopes pass untouched."""

from server.security_headers import CONTENT_SECURITY_POLICY, SecurityHeaders
from tests.server.asgi import respond


def _headers(inner_headers):
    sent = respond(SecurityHeaders, headers=inner_headers)
    return {k.decode().lower(): v.decode() for k, v in sent[0]["headers"]}


def test_responses_get_the_policy_nosniff_and_no_referrer():
    headers = _headers([(b"content-type", b"text/html")])
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'self'" in CONTENT_SECURITY_POLICY and "object-src 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_a_header_the_app_set_itself_is_kept():
    assert _headers([(b"referrer-policy", b"same-origin")])["referrer-policy"] == "same-origin"
