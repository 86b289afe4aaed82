"""Playwright fixtures: Debian's Chromium, one per test session, against Django's live server.

Every page a test opens is watched: a request to any other host is blocked and
recorded, and so is any error in the browser console (CSP violations, script
errors, missing files). Both fail the test when it ends. A test that expects
requests elsewhere (map tiles after consent) says so with ``visit.allow(...)``.

Use them in a test module with ``pytestmark = pytest.mark.browser`` and the
``page`` fixture (a fresh browser tab on the demo site, in German)::

    def test_home_page_has_a_heading(page):
        page.goto("/de/")
        expect(page.locator("h1")).to_be_visible()
"""

import base64
import os
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.tools import AXE_JS, CHROMIUM, require

# Playwright's synchronous API keeps an event loop in the test's thread; the
# test's own database calls are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One transparent pixel: the answer to expected requests elsewhere (map tiles).
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, django_db_serialized_rollback, transactional_db):
    """The live server's address, with the demo content loaded."""
    call_command("load_demo", verbosity=0)
    return live_server.url


class Visit:
    """What the pages of one browser tab asked for and complained about."""

    def __init__(self, origin):
        self.origin = origin
        self.allowed = []
        self.elsewhere = []
        self.console_errors = []

    def allow(self, prefix):
        """Requests to addresses starting with ``prefix`` are expected (and answered)."""
        self.allowed.append(prefix)

    def route(self, route):
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:")):
            route.continue_()
        elif url.startswith(tuple(self.allowed)):
            self.answer_elsewhere(route)
        else:
            self.elsewhere.append(url)
            route.abort()

    @staticmethod
    def answer_elsewhere(route):
        """No request leaves this machine: expected outside requests get a blank image."""
        route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)

    def console(self, message):
        location = message.location.get("url", "")
        # A page's own status (a 404 page) is the test's business; uploaded
        # media are not served by the test server.
        if message.type != "error" or location == message.page.url:
            return
        if "/media/" not in urlsplit(location).path:
            self.console_errors.append(f"{message.text} ({location})")

    def page_error(self, error):
        self.console_errors.append(f"script error: {error}")


@pytest.fixture
def context(browser, site):
    context = browser.new_context(base_url=site, locale="de-DE")
    yield context
    context.close()


@pytest.fixture
def visit(site):
    return Visit(origin=site)


@pytest.fixture
def page(context, visit):
    """A browser tab on the demo site; fails the test on outside requests or console errors."""
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.route("**/*", visit.route)
    tab.on("console", visit.console)
    tab.on("pageerror", visit.page_error)
    yield tab
    assert visit.elsewhere == [], f"requests to other hosts: {visit.elsewhere}"
    assert visit.console_errors == [], "\n".join(visit.console_errors)


@pytest.fixture(scope="session")
def axe_source():
    require(AXE_JS)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def axe(page, axe_source):
    """``axe()`` runs axe-core (WCAG 2.1 A and AA) on the tab's page and returns its violations.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern, so the page keeps its own policy.
    """

    def run():
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(axe_source)
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(result => result.violations.map(v => ({id: v.id, help: v.help,"
            " targets: v.nodes.map(n => n.target.join(' '))})))",
            AXE_TAGS,
        )

    return run
