"""What state an item is in, at a glance: draft, scheduled for a date, or published."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.events.factories import make_event
from tests.languages import LANGUAGE_CODES
from tests.news.factories import make_post

from .factories import make_staff

pytestmark = pytest.mark.django_db

POSTS = reverse("admin:news_post_changelist")


def office_client(client, admin_language="en"):
    client.force_login(make_staff(groups=["Office"], admin_language=admin_language))
    return client


def in_a_week():
    return timezone.now() + datetime.timedelta(days=7)


def badge(kind, text):
    return f'<span class="status-badge status-{kind}">{text}</span>'


@pytest.mark.parametrize("admin_language", LANGUAGE_CODES)
def test_a_scheduled_post_is_listed_with_the_date_it_appears(client, admin_language):
    post = make_post(published_at=in_a_week())
    html = office_client(client, admin_language).get(POSTS).content.decode()
    with translation.override(admin_language):
        when = date_format(timezone.localtime(post.published_at), "SHORT_DATETIME_FORMAT")
    assert f"{when}</span>" in html
    assert "status-scheduled" in html


def test_a_scheduled_post_is_not_listed_as_published(client):
    make_post(published_at=in_a_week())
    html = office_client(client).get(POSTS).content.decode()
    assert "Scheduled for " in html
    assert badge("published", "Published") not in html


def test_a_live_post_is_listed_as_published(client):
    make_post()
    assert badge("published", "Published") in office_client(client).get(POSTS).content.decode()


def test_a_draft_is_listed_as_a_draft(client):
    make_post(is_published=False, published_at=in_a_week())
    assert badge("draft", "Draft") in office_client(client).get(POSTS).content.decode()


def test_the_change_form_of_a_scheduled_post_says_when_it_appears(client):
    post = make_post(published_at=in_a_week())
    url = reverse("admin:news_post_change", args=[post.pk])
    html = office_client(client).get(url).content.decode()
    assert (
        '<p class="status-badges"><span class="status-badge status-scheduled">Scheduled for' in html
    )


def test_the_status_filter_lists_only_scheduled_items(client):
    make_post(title_de="Später", published_at=in_a_week())
    make_post(title_de="Heute")
    response = office_client(client).get(POSTS, {"publication": "scheduled"})
    assert [post.title_de for post in response.context["cl"].result_list] == ["Später"]


def test_a_cancelled_members_only_event_says_both(client):
    make_event(is_cancelled=True, members_only=True)
    html = office_client(client).get(reverse("admin:events_event_changelist")).content.decode()
    assert badge("cancelled", "Cancelled") in html
    assert badge("members-only", "Members only") in html


def test_events_are_listed_newest_first(client):
    for days in (-30, 60, 10):
        make_event(title_de=f"In {days} Tagen", starts_at=timezone.now() + datetime.timedelta(days))
    response = office_client(client).get(reverse("admin:events_event_changelist"))
    titles = [event.title_de for event in response.context["cl"].result_list]
    assert titles == ["In 60 Tagen", "In 10 Tagen", "In -30 Tagen"]


@pytest.mark.parametrize("admin_language", [code for code in LANGUAGE_CODES if code != "en"])
def test_the_scheduled_label_is_in_the_admin_language(client, admin_language):
    make_post(published_at=in_a_week())
    html = office_client(client, admin_language).get(POSTS).content.decode()
    assert "Scheduled for" not in html
