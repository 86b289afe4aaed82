"""The home page stays light: what a first visit downloads, and nothing that blocks or waits."""

import gzip
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024  # bytes, compressed: HTML, CSS and JavaScript, without images
LINKS_NOT_LOADED = {"alternate", "canonical"}


class Resources(HTMLParser):
    """The tags of a page that make the browser fetch or wait."""

    def __init__(self):
        super().__init__()
        self.links, self.scripts, self.images = [], [], []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body = True
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self.scripts.append(attrs | {"in_body": self.in_body})
        elif tag == "img":
            self.images.append(attrs)


def home(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = Resources()
    page.feed(response.content.decode())
    return response.content, page


def static_file(url):
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} is not a static file of the site"
    with open(path, "rb") as file:
        return file.read()


def stylesheets(page):
    return [link["href"] for link in page.links if link.get("rel") == "stylesheet"]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_page_with_its_css_and_javascript_is_under_60_kb_compressed(client, demo, language):
    html, page = home(client, language)
    files = [static_file(url) for url in stylesheets(page)]
    files += [static_file(script["src"]) for script in page.scripts if script.get("src")]
    total = sum(len(gzip.compress(content)) for content in [html, *files])
    assert total < BUDGET, f"{total} bytes compressed"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_page_loads_no_web_fonts(client, demo, language):
    _html, page = home(client, language)
    assert not [link for link in page.links if link.get("as") == "font"]
    for url in stylesheets(page):
        assert b"@font-face" not in static_file(url)
        assert b"@import" not in static_file(url)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_page_has_no_render_blocking_script(client, demo, language):
    _html, page = home(client, language)
    for script in page.scripts:
        assert (
            "defer" in script
            or "async" in script
            or script.get("type") == "module"
            or script["in_body"]
        ), script


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_page_loads_everything_from_its_own_host(client, demo, language):
    _html, page = home(client, language)
    urls = [link["href"] for link in page.links if link.get("rel") not in LINKS_NOT_LOADED]
    urls += [script["src"] for script in page.scripts if script.get("src")]
    urls += [image["src"] for image in page.images]
    assert not [url for url in urls if urlsplit(url).netloc not in ("", "testserver")]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_images_on_the_home_page_are_lazy_and_sized(client, demo, language):
    _html, page = home(client, language)
    content_images = [image for image in page.images if image.get("class") != "brand-logo"]
    assert content_images, "the demo home page shows the latest posts' pictures"
    for image in content_images:
        assert image.get("loading") == "lazy", image
    # Every image has its size, the header's logo (loaded at once, it is on every first screen) too.
    for image in page.images:
        assert image.get("width") and image.get("height"), image
