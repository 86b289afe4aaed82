"""The home page's main tasks: find an organisation, see the next events; one member count."""

import re
from html.parser import HTMLParser

import pytest

from members.models import MemberOrganisation
from tests.languages import LANGUAGE_CODES


class Text(HTMLParser):
    """The text of the elements with a given class, without what <time> elements say."""

    def __init__(self, classes):
        super().__init__()
        self.classes = set(classes)
        self.depth = 0  # inside a wanted element: how many open tags deep
        self.in_time = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in {"br", "img", "input", "meta", "link"}
        elif self.classes & set((dict(attrs).get("class") or "").split()):
            self.depth = 1
        self.in_time += tag == "time"

    def handle_endtag(self, tag):
        self.in_time -= tag == "time"
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.in_time:
            self.parts.append(data)


def text_of(html, *classes):
    parser = Text(classes)
    parser.feed(html)
    return " ".join(parser.parts)


def finder(html):
    return html.split('<form class="finder"')[1].split("</form>")[0]


def test_home_page_finder_sends_district_and_language_to_the_directory(client, demo):
    html = client.get("/de/").content.decode()
    form = finder(html)
    assert 'method="get" action="/de/members/"' in form
    assert re.search(r'<select name="district"[^>]*id="id_district"', form)
    assert re.search(r'<select name="language"[^>]*id="id_language"', form)
    assert 'name="q"' not in form and 'name="focus"' not in form


def test_home_page_finder_lists_the_directorys_districts_and_languages(client, demo):
    home = finder(client.get("/ru/").content.decode())
    directory = client.get("/ru/members/").content.decode()
    for name in ("district", "language"):
        options = re.findall(rf'<select name="{name}".*?</select>', home, re.DOTALL)
        assert options and options[0] in directory


def test_home_page_finder_filters_the_directory(client, demo):
    organisation = MemberOrganisation.objects.active().exclude(district=None).first()
    response = client.get("/de/members/", {"district": organisation.district.slug, "language": ""})
    assert organisation.name in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_page_states_one_member_count(client, demo, language):
    """The intro names no number of its own; the finder gives the directory's count, once."""
    count = MemberOrganisation.objects.active().count()
    html = client.get(f"/{language}/").content.decode()
    assert re.findall(r"\d+", text_of(html, "home-intro")) == []
    assert re.findall(r"\d+", text_of(html, "home-finder")) == [str(count)]
    assert f'<span class="count">{count}</span>' in html


def test_home_page_links_the_member_directory(client, demo):
    html = client.get("/en/").content.decode()
    assert html.split('class="home-finder"')[1].count('href="/en/members/"') == 1
