"""Security headers on every public page, the admin's policy, and production settings."""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.public_pages import html_pages

BASE_DIR = Path(__file__).resolve().parents[2]
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Map tiles, only requested after consent (tests/browser/test_privacy.py checks when).
ALLOWED_IMAGE_SOURCES = {"'self'", "data:", "https://tile.openstreetmap.org"}


def policy(response):
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


@pytest.fixture(scope="module")
def pages(on_demo_site):
    return on_demo_site(lambda client: html_pages(client, languages=["de", "ar"]))


def test_every_public_page_has_the_strict_content_security_policy(pages):
    assert len(pages) > 20
    for path, response in pages.items():
        directives = policy(response)
        for name, sources in PUBLIC_POLICY.items():
            assert directives[name] == sources, (path, name, directives[name])
        assert set(directives["img-src"]) <= ALLOWED_IMAGE_SOURCES, path
        assert "unsafe" not in response["Content-Security-Policy"], path


class InlineCodeFinder(HTMLParser):
    """Collects what the policy would block: inline scripts, styles and handlers."""

    # Data blocks are never run, so the policy does not apply to them.
    DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        is_data = attributes.get("type") in self.DATA_SCRIPT_TYPES
        if tag == "script" and "src" not in attributes and not is_data:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.found.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.found.append(f"{name} handler on <{tag}>")
            url = (value or "").strip().lower()
            if name in {"href", "src", "action", "formaction"} and url.startswith("javascript:"):
                self.found.append(f"javascript: URL in <{tag} {name}>")


def test_public_pages_contain_no_code_the_policy_would_block(pages):
    problems = {}
    for path, response in pages.items():
        finder = InlineCodeFinder()
        finder.feed(response.content.decode())
        if finder.found:
            problems[path] = sorted(set(finder.found))
    assert problems == {}


def test_every_public_page_sends_the_protective_headers(pages):
    for path, response in pages.items():
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        permissions = response["Permissions-Policy"]
        for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
            assert f"{feature}=()" in permissions, (path, feature)


def test_admin_policy_adds_inline_styles_but_never_inline_scripts(client, db):
    directives = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in directives["style-src"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_admin_editor_import_map_carries_the_policy_nonce(admin_client, demo):
    from pages.models import Page

    page = Page.objects.get(key=Page.Key.ABOUT)
    response = admin_client.get(f"/admin/pages/page/{page.pk}/change/")
    html = response.content.decode()
    nonce = re.search(r'<script[^>]*type="importmap"[^>]*nonce="([^"]+)"', html)
    if nonce is None:
        nonce = re.search(r'<script[^>]*nonce="([^"]+)"[^>]*type="importmap"', html)
    assert nonce, "the editor's import map has no nonce"
    assert f"'nonce-{nonce.group(1)}'" in policy(response)["script-src"]


def test_public_pages_get_no_nonce(client, demo):
    assert "nonce" not in client.get("/de/").get("Content-Security-Policy")


PRODUCTION_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client

call_command("migrate", verbosity=0)

client = Client(HTTP_HOST="www.miso-netzwerk.de")
plain = client.get("/robots.txt")
secure = client.get("/robots.txt", secure=True)
health = client.get("/healthz")
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "healthz": [health.status_code, health.content.decode()],
    "headers": dict(secure.headers),
    "settings": {name: getattr(settings, name) for name in [
        "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
    ]},
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """What a production server (DEBUG=false) answers, from a separate process."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DATABASE_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "miso_site.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "www.miso-netzwerk.de",
        "DATABASE_URL": "sqlite://:memory:",
        # Its migrations save content, which touches the page cache stamp (var/ by default).
        "PAGE_CACHE_STAMP": str(tmp_path_factory.mktemp("production") / "page-cache.stamp"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_plain_http_to_https(production):
    status, location = production["plain"]
    assert status == 301
    assert location == "https://www.miso-netzwerk.de/robots.txt"


def test_production_answers_the_health_check_over_plain_http_instead_of_redirecting(
    production,
):
    # As a load balancer checks its servers: a redirect would count as unhealthy.
    status, body = production["healthz"]
    assert status == 200
    assert body.startswith("ok\n")


def test_production_sends_a_preload_ready_hsts_header(production):
    hsts = production["headers"]["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 60 * 60 * 24 * 365
    assert "includeSubDomains" in hsts
    assert "preload" in hsts


def test_production_cookies_are_secure_and_hidden_from_scripts(production):
    assert all(production["settings"].values()), production["settings"]


def test_production_sends_the_content_security_policy(production):
    assert "script-src 'self'" in production["headers"]["Content-Security-Policy"]
