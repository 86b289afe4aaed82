import pytest

import members.demo
import news.demo
from news.models import Post
from tests.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_demo_posts_load_once():
    assert news.demo.load() == Post.objects.count() >= 10
    assert news.demo.load() == 0


def test_demo_posts_are_written_in_every_language():
    news.demo.load()
    for post in Post.objects.all():
        for field in ["title", "teaser", "body"]:
            texts = [getattr(post, f"{field}_{code}") for code in LANGUAGE_CODES]
            assert all(texts), (post.slug, field)
            assert len(set(texts)) == len(LANGUAGE_CODES), (post.slug, field)


def test_demo_job_posting_of_2019_is_closed_but_still_answers(client):
    news.demo.load()
    job = Post.objects.get(kind=Post.Kind.JOB)
    assert job not in Post.objects.listed()
    html = client.get(f"/en/news/{job.slug}/").content.decode()
    assert "The application deadline has passed (May 31, 2019)." in html


def test_demo_anniversary_post_links_the_founding_members(client):
    members.demo.load()
    news.demo.load()
    post = Post.objects.get(slug="zehn-jahre-miso")
    assert {"tolstoi", "vietnamzentrum"} <= set(post.organisations.values_list("slug", flat=True))
    assert "<blockquote>" in post.body_ar


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_demo_news_pages_answer_in_every_language(client, language):
    news.demo.load()
    assert client.get(f"/{language}/news/").status_code == 200
    assert client.get(f"/{language}/news/zehn-jahre-miso/").status_code == 200
