import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from news.models import Post
from tests.languages import LANGUAGE_CODES

from .factories import make_job_posting, make_post, words

pytestmark = pytest.mark.django_db


def listed_slugs():
    return list(Post.objects.listed().values_list("slug", flat=True))


def test_a_scheduled_post_appears_on_its_own_when_its_time_comes(monkeypatch):
    now = timezone.now()
    make_post(slug="tomorrow", published_at=now + datetime.timedelta(days=1))
    assert "tomorrow" not in listed_slugs()

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=1, seconds=1))
    assert "tomorrow" in listed_slugs()


def test_a_draft_is_not_listed():
    make_post(slug="draft", is_published=False)
    assert listed_slugs() == []


def test_a_job_posting_leaves_the_list_the_day_after_its_deadline():
    today = timezone.localdate()
    make_job_posting(today, slug="closes-today")
    make_job_posting(today - datetime.timedelta(days=1), slug="closed-yesterday")
    make_job_posting(None, slug="open-ended")
    assert sorted(listed_slugs()) == ["closes-today", "open-ended"]


def test_only_job_postings_have_an_application_deadline():
    post = make_post()
    post.application_deadline = timezone.localdate()
    with pytest.raises(ValidationError):
        post.full_clean()


def test_latest_first_puts_the_newest_post_first():
    now = timezone.now()
    make_post(slug="older", published_at=now - datetime.timedelta(days=2))
    make_post(slug="newer", published_at=now - datetime.timedelta(hours=1))
    assert [post.slug for post in Post.objects.listed().latest_first()[:3]] == ["newer", "older"]


def test_years_lists_the_years_with_posts_newest_first_and_skips_empty_ones():
    for year in (2017, 2019, 2019, 2022):
        make_post(published_at=datetime.datetime(year, 6, 1, tzinfo=datetime.UTC))
    assert Post.objects.listed().years("published_at") == [2022, 2019, 2017]


def test_years_counts_a_post_in_the_year_it_has_in_hannover():
    # 23:30 on New Year's Eve in UTC is already half past midnight in Hannover.
    make_post(published_at=datetime.datetime(2021, 12, 31, 23, 30, tzinfo=datetime.UTC))
    make_post(published_at=datetime.datetime(2020, 12, 31, 22, 30, tzinfo=datetime.UTC))
    assert Post.objects.listed().years("published_at") == [2022, 2020]


def test_years_of_no_posts_is_an_empty_list():
    assert Post.objects.listed().years("published_at") == []


def test_years_leaves_out_posts_that_are_not_listed():
    make_post(published_at=datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC))
    make_job_posting(
        datetime.date(2018, 7, 1), published_at=datetime.datetime(2018, 6, 1, tzinfo=datetime.UTC)
    )
    assert Post.objects.listed().years("published_at") == [2019]


@pytest.mark.parametrize(("word_count", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_is_at_least_one_minute_at_200_words_a_minute(word_count, minutes):
    post = make_post(body_de=words(word_count) if word_count else "")
    assert post.reading_minutes == minutes


def test_reading_time_counts_words_not_markup():
    body = "<p>" + " ".join('<a href="https://example.org/a/long/path">w</a>' for _ in range(150))
    post = make_post(body_de=body + "</p>")
    assert post.reading_minutes == 1


def test_reading_time_is_computed_from_the_text_in_the_pages_language():
    post = make_post(body_de=words(900, "Wort"), body_en=words(150), body_ar=words(450, "كلمة"))
    minutes = {}
    for code in ["de", "en", "ar", "fr"]:
        with translation.override(code):
            minutes[code] = post.reading_minutes
    # French has no text of its own, so visitors read (and are told about) the German one.
    assert minutes == {"de": 5, "en": 1, "ar": 3, "fr": 5}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_rich_text_is_sanitised_in_every_language(language):
    dangerous = (
        "<p>Hallo<script>alert(1)</script></p>"
        '<img src="x" onerror="alert(2)">'
        '<p><a href="javascript:alert(3)">Klick</a></p>'
    )
    post = make_post(**{f"body_{language}": dangerous})
    post.refresh_from_db()
    stored = getattr(post, f"body_{language}")
    assert "Hallo" in stored and "Klick" in stored
    for forbidden in ["<script", "alert(1)", "onerror", "javascript:"]:
        assert forbidden not in stored


def test_reading_time_is_stored_when_the_post_is_saved():
    post = make_post(body_de=words(900, "Wort"), body_en=words(150))
    assert Post.objects.values_list("reading_times", flat=True).get(pk=post.pk) == {
        "de": 5,
        "en": 1,
    }


def test_reading_time_follows_a_text_saved_with_update_fields():
    post = make_post(body_de=words(150, "Wort"))
    post.body_de = words(450, "Wort")
    post.save(update_fields=["body_de"])
    post = Post.objects.get(pk=post.pk)
    with translation.override("de"):
        assert post.reading_minutes == 3
