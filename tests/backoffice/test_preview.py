"""Staff preview unpublished content on the public page, in any language, before publishing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import Post
from tests.languages import LANGUAGE_CODES
from tests.news.factories import make_post

from .factories import make_staff

pytestmark = pytest.mark.django_db


def make_draft(**overrides):
    return make_post(is_published=False, title_ar="خبر جديد", **overrides)


def public_url(post, language):
    return f"/{language}/news/{post.slug}/"


def news_editor():
    return make_staff(permissions=["news.change_post", "news.view_post"])


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_visitors_never_see_a_draft(client, language):
    assert client.get(public_url(make_draft(), language)).status_code == 404


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_staff_who_may_edit_see_the_draft_marked_as_preview(client, language):
    post = make_draft()
    client.force_login(news_editor())
    response = client.get(public_url(post, language))
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()


def test_the_arabic_preview_shows_the_arabic_title(client):
    post = make_draft()
    client.force_login(news_editor())
    html = client.get(public_url(post, "ar")).content.decode()
    assert "خبر جديد" in html
    assert '<html lang="ar" dir="rtl">' in html


def test_a_scheduled_post_can_be_previewed_before_its_time(client):
    post = make_post(published_at=timezone.now() + datetime.timedelta(days=3))
    assert client.get(public_url(post, "de")).status_code == 404
    client.force_login(news_editor())
    assert client.get(public_url(post, "de")).status_code == 200


def test_staff_without_permission_for_news_see_no_draft(client):
    client.force_login(make_staff(permissions=["pages.change_page"]))
    assert client.get(public_url(make_draft(), "de")).status_code == 404


def test_a_preview_is_never_cached(client):
    post = make_draft()
    client.force_login(news_editor())
    cache_control = client.get(public_url(post, "de"))["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    client.logout()
    assert client.get(public_url(post, "de")).status_code == 404


def test_a_published_post_shows_no_preview_banner_to_staff(client):
    post = make_post()
    client.force_login(news_editor())
    assert 'class="preview-banner"' not in client.get(public_url(post, "de")).content.decode()


def test_the_change_form_links_to_the_preview_in_every_language(client):
    post = make_draft()
    client.force_login(make_staff(superuser=True))
    html = client.get(reverse("admin:news_post_change", args=[post.pk])).content.decode()
    for code in LANGUAGE_CODES:
        assert f'href="{public_url(post, code)}"' in html


def change_list_action(client, action, posts):
    return client.post(
        reverse("admin:news_post_changelist"),
        {"action": action, "_selected_action": [post.pk for post in posts]},
    )


def test_publishing_from_the_list_makes_posts_visible(client):
    drafts = [make_draft(), make_draft()]
    client.force_login(make_staff(superuser=True))
    change_list_action(client, "publish", drafts)
    client.logout()
    for post in drafts:
        assert client.get(public_url(post, "de")).status_code == 200


def test_withdrawing_takes_a_post_back_to_draft_and_records_who_did_it(client):
    post = make_post()
    editor = make_staff(superuser=True)
    client.force_login(editor)
    change_list_action(client, "withdraw", [post])
    assert not Post.objects.get(pk=post.pk).is_published
    assert Version.objects.get_for_object(post).first().revision.user == editor


def test_staff_who_may_only_view_cannot_publish(client):
    draft = make_draft()
    client.force_login(make_staff(permissions=["news.view_post"]))
    change_list_action(client, "publish", [draft])
    assert not Post.objects.get(pk=draft.pk).is_published
