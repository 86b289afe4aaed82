"""Shared links and search results get the page's title, image, date and place:
Open Graph tags and schema.org JSON-LD that parses."""

import json
import re

import pytest

from core.structured_data import json_ld
from tests.events.factories import berlin, make_event, make_venue
from tests.images.factories import make_image
from tests.members.factories import make_organisation
from tests.news.factories import make_post


def json_ld_on(html):
    """Every JSON-LD element of the page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def og_on(html):
    return dict(
        re.findall(r'<meta property="(og:[a-z:_]+|article:[a-z_]+)" content="([^"]*)">', html)
    )


@pytest.fixture
def summer_party(site_pages):
    return make_event(
        [make_organisation("kargah e.V.", slug="kargah")],
        slug="sommerfest",
        title_de="Sommerfest",
        title_en="Summer party",
        title_ar="حفلة الصيف",
        starts_at=berlin(2030, 7, 1, 18),
        ends_at=berlin(2030, 7, 1, 22),
        venue=make_venue(name_de="Kulturzentrum Faust"),
        other_presenters="MiSO e. V.",
    )


def event_data(client, language="de", slug="sommerfest"):
    (data,) = json_ld_on(client.get(f"/{language}/events/{slug}/").content.decode())
    return data


def test_the_event_page_describes_the_event_with_its_start_in_berlin_time(client, summer_party):
    data = event_data(client)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Sommerfest"
    assert data["startDate"] == "2030-07-01T18:00:00+02:00"
    assert data["endDate"] == "2030-07-01T22:00:00+02:00"
    assert data["url"] == "http://testserver/de/events/sommerfest/"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_a_winter_event_starts_with_the_winter_offset(client, site_pages):
    make_event(slug="winterfest", starts_at=berlin(2030, 12, 11, 18, 30))
    data = event_data(client, slug="winterfest")
    assert data["startDate"] == "2030-12-11T18:30:00+01:00"
    assert "endDate" not in data


def test_an_all_day_event_gives_dates_only(client, site_pages):
    make_event(
        slug="tagung", starts_at=berlin(2030, 5, 1), ends_at=berlin(2030, 5, 2), all_day=True
    )
    data = event_data(client, slug="tagung")
    assert (data["startDate"], data["endDate"]) == ("2030-05-01", "2030-05-02")


def test_the_event_names_its_place_with_the_address_and_its_organizers(client, summer_party):
    data = event_data(client)
    assert data["location"] == {
        "@type": "Place",
        "name": "Kulturzentrum Faust",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Zur Bettfedernfabrik 3",
            "postalCode": "30451",
            "addressLocality": "Hannover",
            "addressCountry": "DE",
        },
    }
    assert [organizer["name"] for organizer in data["organizer"]] == ["kargah e.V.", "MiSO e. V."]
    assert data["organizer"][0]["url"] == "http://testserver/de/members/organisations/kargah/"


def test_a_cancelled_event_says_so(client, summer_party):
    summer_party.is_cancelled = True
    summer_party.save()
    assert event_data(client)["eventStatus"] == "https://schema.org/EventCancelled"


def test_arabic_text_is_written_as_it_is_not_as_escapes(client, summer_party):
    html = client.get("/ar/events/sommerfest/").content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert '"name": "حفلة الصيف"' in script
    assert json_ld_on(html)[0]["inLanguage"] == "ar"


def test_the_event_image_is_an_absolute_address(client, summer_party):
    summer_party.image = make_image(alt_de="Plakat des Sommerfests", size=(1200, 630))
    summer_party.save()
    html = client.get("/de/events/sommerfest/").content.decode()
    (data,) = json_ld_on(html)
    assert data["image"] == f"http://testserver{summer_party.image.file.url}"
    og = og_on(html)
    assert og["og:image"] == data["image"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:image:alt"] == "Plakat des Sommerfests"
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_markup_in_a_title_cannot_leave_the_json_element(client, site_pages):
    make_event(slug="frech", title_de="</script><script>alert(1)</script> & <!--")
    html = client.get("/de/events/frech/").content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["name"] == "</script><script>alert(1)</script> & <!--"


def test_json_ld_escapes_as_json_script_does():
    html = str(json_ld({"name": "a</script>b&c", "ort": "Köln"}))
    assert html == (
        '<script type="application/ld+json">'
        '{"name": "a\\u003C/script\\u003Eb\\u0026c", "ort": "Köln"}</script>'
    )


def test_the_post_page_describes_a_news_article(client, site_pages):
    post = make_post(
        slug="zehn-jahre",
        title_de="Zehn Jahre MiSO",
        teaser_de="Wir feiern.",
        published_at=berlin(2022, 5, 3, 9),
        author="Amina Yusuf",
        cover_image=make_image(alt_de="Gäste beim Fest"),
    )
    html = client.get(post.get_absolute_url()).content.decode()
    (data,) = json_ld_on(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Zehn Jahre MiSO"
    assert data["datePublished"] == "2022-05-03T09:00:00+02:00"
    assert data["author"] == {"@type": "Person", "name": "Amina Yusuf"}
    assert data["image"] == f"http://testserver{post.cover_image.file.url}"
    og = og_on(html)
    assert og["og:type"] == "article"
    assert og["article:published_time"] == "2022-05-03T09:00:00+02:00"
    assert og["og:image"] == data["image"]


def test_a_post_by_the_association_names_it_as_an_organisation(client, site_pages):
    post = make_post()
    (data,) = json_ld_on(client.get(post.get_absolute_url()).content.decode())
    assert data["author"] == {"@type": "Organization", "name": "MiSO e. V."}


def test_the_contact_page_describes_the_association(client, site_pages):
    (data,) = json_ld_on(client.get("/en/contact/").content.decode())
    assert data["@type"] == "Organization"
    assert data["name"] == "MiSO-Netzwerk Hannover e.V."
    assert data["url"] == "http://testserver/en/"
    assert data["logo"] == "http://testserver/static/img/favicon.svg"
    assert data["address"]["streetAddress"] == "Mengendamm 12"
    assert data["address"]["postalCode"] == "30177"
    # The page writes the address as character references; the data does not undo that.
    assert "email" not in data


@pytest.mark.parametrize(
    ("language", "locale", "title"),
    [
        ("de", "de_DE", "Sommerfest"),
        ("en", "en_GB", "Summer party"),
        ("uk", "uk_UA", "Sommerfest"),
        ("ar", "ar_AR", "حفلة الصيف"),
    ],
)
def test_open_graph_names_title_description_address_type_and_locale(
    client, summer_party, language, locale, title
):
    summer_party.description_de = "<p>Musik &amp; Essen im Hof.</p>"
    summer_party.save()
    html = client.get(f"/{language}/events/sommerfest/?utm_source=share").content.decode()
    og = og_on(html)
    assert og["og:type"] == "website"
    assert og["og:title"] == title
    assert og["og:description"] == "Musik &amp; Essen im Hof."
    assert og["og:url"] == f"http://testserver/{language}/events/sommerfest/"
    assert og["og:locale"] == locale
    assert "og:image" not in og


@pytest.mark.parametrize(
    "path", ["/de/contact/", "/de/about/", "/de/principles/", "/de/accessibility/", "/de/imprint/"]
)
def test_the_sites_own_pages_have_open_graph_tags(client, site_pages, path):
    og = og_on(client.get(path).content.decode())
    assert og["og:title"]
    assert og["og:url"] == f"http://testserver{path}"


def test_the_organisation_page_has_open_graph_tags(client, site_pages):
    organisation = make_organisation("kargah e.V.", slug="kargah")
    og = og_on(client.get(organisation.get_absolute_url()).content.decode())
    assert og["og:title"] == "kargah e.V."
    assert og["og:url"] == "http://testserver/de/members/organisations/kargah/"
