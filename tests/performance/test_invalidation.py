"""Saving or deleting content clears the cached pages at once, on every cache backend."""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pages.models import Association, OpeningHours
from tests.documents.factories import make_document
from tests.events.factories import make_event, make_venue
from tests.images.factories import make_image
from tests.members.factories import make_organisation
from tests.news.factories import make_post
from tests.pages.factories import CONTACT_FORM, make_principle
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


@dataclass
class Content:
    make: Callable
    url: str
    field: str  # the text a visitor sees on ``url``


CONTENT = {
    "principle": Content(
        lambda: make_principle(text_de="Wir arbeiten offen."),
        "/de/principles/",
        "text_de",
    ),
    "organisation": Content(make_organisation, "/de/members/", "name"),
    "post": Content(make_post, "/de/news/", "title_de"),
    "event": Content(make_event, "/de/events/", "title_de"),
    "project": Content(make_project, "/de/projects/", "title_de"),
    "document": Content(make_document, "/de/documents/", "title_de"),
}


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("kind", CONTENT)
def test_new_content_shows_at_once(client, site, page_cache, kind):
    content = CONTENT[kind]
    html(client, content.url)
    item = content.make()
    assert getattr(item, content.field) in html(client, content.url)


@pytest.mark.parametrize("kind", CONTENT)
def test_edited_content_shows_at_once(client, site, page_cache, kind):
    content = CONTENT[kind]
    item = content.make()
    html(client, content.url)
    setattr(item, content.field, "Frisch bearbeitet")
    item.save()
    assert "Frisch bearbeitet" in html(client, content.url)


@pytest.mark.parametrize("kind", CONTENT)
def test_deleted_content_disappears_at_once(client, site, page_cache, kind):
    content = CONTENT[kind]
    item = content.make()
    text = getattr(item, content.field)
    assert text in html(client, content.url)
    item.delete()
    assert text not in html(client, content.url)


def test_association_data_in_the_footer_changes_at_once(client, site, page_cache):
    html(client, "/de/news/")
    Association.objects.update(name="MiSO-Netzwerk")
    association = Association.objects.get()
    association.phone = "0511 1234567"
    association.save()
    assert "0511 1234567" in html(client, "/de/news/")


def test_opening_hours_change_at_once(client, site, page_cache):
    html(client, "/de/contact/")
    hours = OpeningHours.objects.get()
    hours.closes = datetime.time(15, 30)
    hours.save()
    assert "15:30" in html(client, "/de/contact/")


def test_a_venue_edit_shows_on_its_events_at_once(client, site, page_cache):
    event = make_event(venue=make_venue())
    html(client, event.get_absolute_url())
    venue = event.venue
    venue.name = "Stadtteilzentrum Nordstadt"
    venue.save()
    assert "Stadtteilzentrum Nordstadt" in html(client, event.get_absolute_url())


def test_a_pictures_new_description_shows_on_its_posts_at_once(client, site, page_cache):
    post = make_post(cover_image=make_image(alt_de="Gäste im Saal"))
    html(client, post.get_absolute_url())
    image = post.cover_image
    image.alt_de = "Gäste beim Sommerfest im Saal"
    image.save()
    assert 'alt="Gäste beim Sommerfest im Saal"' in html(client, post.get_absolute_url())


def test_adding_a_presenter_shows_at_once(client, site, page_cache):
    """A many-to-many change saves neither side: it clears the pages on its own."""
    event = make_event()
    organisation = make_organisation(name="Afrikanischer Dachverband Nord")
    html(client, event.get_absolute_url())
    event.organisations.add(organisation)
    assert "Afrikanischer Dachverband Nord" in html(client, event.get_absolute_url())


def test_a_scheduled_post_appears_when_its_time_comes(client, site, page_cache):
    post = make_post(published_at=timezone.now() + datetime.timedelta(seconds=1))
    assert post.title_de not in html(client, "/de/news/")
    time.sleep(2.1)
    assert post.title_de in html(client, "/de/news/")


def test_a_submission_leaves_the_cached_pages_alone(client, site, page_cache):
    html(client, "/de/")
    client.post("/de/contact/", CONTACT_FORM)
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/")
    assert not queries
