import datetime

import feedparser
import pytest
from django.utils import timezone

from tests.languages import LANGUAGE_CODES

from .factories import make_job_posting, make_many_posts, make_post

pytestmark = pytest.mark.django_db

FEEDS = [("rss", "rss20"), ("atom", "atom10")]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(("kind", "version"), FEEDS)
def test_the_feed_is_valid(client, kind, version):
    make_post(title_en="Benefit concert for Ukraine", teaser_en="About 100 people came.")
    feed = parse(client, f"/en/news/feed/{kind}/")
    assert feed.version == version
    entry = feed.entries[0]
    assert entry.title == "Benefit concert for Ukraine"
    assert entry.summary == "About 100 people came."
    assert entry.link.startswith("http://testserver/en/news/post-")
    assert entry.author == "MiSO e. V."


@pytest.mark.parametrize(("kind", "version"), FEEDS)
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_language_has_its_own_feed(client, kind, version, language):
    make_post(**{f"title_{code}": f"Titel {code}" for code in LANGUAGE_CODES})
    feed = parse(client, f"/{language}/news/feed/{kind}/")
    assert feed.feed.language == language
    assert feed.entries[0].title == f"Titel {language}"
    assert f"/{language}/news/" in feed.entries[0].link


@pytest.mark.parametrize(("kind", "version"), FEEDS)
def test_the_feed_has_only_what_the_list_shows(client, kind, version):
    make_post(title_en="Visible")
    make_post(title_en="Draft", is_published=False)
    make_post(title_en="Scheduled", published_at=timezone.now() + datetime.timedelta(hours=1))
    make_job_posting(datetime.date(2019, 5, 31), title_en="Closed job")
    feed = parse(client, f"/en/news/feed/{kind}/")
    assert [entry.title for entry in feed.entries] == ["Visible"]


@pytest.mark.parametrize(("kind", "version"), FEEDS)
def test_the_feed_costs_one_query_however_many_posts(
    client, django_assert_max_num_queries, kind, version
):
    make_many_posts(300)
    with django_assert_max_num_queries(1):
        feed = parse(client, f"/de/news/feed/{kind}/")
    assert len(feed.entries) == 20
