import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from news.models import Post
from tests.images.factories import make_image
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_organisation
from tests.projects.factories import make_project

from .factories import make_job_posting, make_many_posts, make_post, words

pytestmark = pytest.mark.django_db

# Queries per page, the same for 10 posts and for 1,000. Both include the two queries
# for the association's data in the footer.
# first and last post, years for the filter, count, the posts' keys, the cards not yet shared
LIST_QUERIES = 7
DETAIL_QUERIES = 7  # post, its organisations, its projects, older and newer post


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def post_titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_the_list_shows_the_newest_posts_first_ten_to_a_page(client):
    now = timezone.now()
    for hours in range(12):
        make_post(
            title_en=f"Post {hours} hours old",
            published_at=now - datetime.timedelta(hours=hours + 1),
        )
    first = post_titles(html_of(client, "/en/news/"))
    assert first[:2] == ["Post 0 hours old", "Post 1 hours old"]
    assert len(first) == 10
    assert post_titles(html_of(client, "/en/news/?page=2")) == [
        "Post 10 hours old",
        "Post 11 hours old",
    ]


def test_the_list_leaves_out_drafts_scheduled_posts_and_closed_job_postings(client):
    make_post(title_en="Visible")
    make_post(title_en="Draft", is_published=False)
    make_post(title_en="Scheduled", published_at=timezone.now() + datetime.timedelta(hours=1))
    make_job_posting(timezone.localdate() - datetime.timedelta(days=1), title_en="Closed job")
    make_job_posting(timezone.localdate() + datetime.timedelta(days=5), title_en="Open job")
    assert sorted(post_titles(html_of(client, "/en/news/"))) == ["Open job", "Visible"]


def test_the_list_filters_by_kind(client):
    make_post(title_en="A report")
    make_post(title_en="A press release", kind=Post.Kind.PRESS_RELEASE)
    assert post_titles(html_of(client, "/en/news/?kind=press")) == ["A press release"]


def test_the_list_filters_by_year(client):
    make_post(
        title_en="From 2019", published_at=datetime.datetime(2019, 1, 10, tzinfo=datetime.UTC)
    )
    make_post(title_en="From 2022", published_at=datetime.datetime(2022, 5, 3, tzinfo=datetime.UTC))
    html = html_of(client, "/en/news/?year=2019")
    assert post_titles(html) == ["From 2019"]
    assert '<option value="2022">2022</option>' in html


def test_a_wrong_filter_value_shows_all_posts_instead_of_an_error(client):
    make_post(title_en="Still here")
    assert post_titles(html_of(client, "/en/news/?year=abc&kind=nonsense")) == ["Still here"]


def test_page_links_keep_the_filters(client):
    make_many_posts(50)
    html = html_of(client, "/en/news/?kind=news")
    assert 'href="?kind=news&amp;page=2"' in html


def test_the_list_links_its_feeds_in_the_head(client):
    head = html_of(client, "/fr/news/").split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/fr/news/feed/rss/"' in head
    assert 'href="/fr/news/feed/atom/"' in head


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_list_and_post_are_shown_in_the_pages_language(client, language):
    post = make_post(**{f"title_{code}": f"Titel {code}" for code in LANGUAGE_CODES})
    assert f"Titel {language}" in html_of(client, f"/{language}/news/")
    assert f"Titel {language}" in html_of(client, f"/{language}/news/{post.slug}/")


def test_an_untranslated_post_shows_the_german_text_marked_as_german(client):
    post = make_post(title_de="Nur auf Deutsch", title_en="")
    html = html_of(client, f"/en/news/{post.slug}/")
    assert '<span lang="de" dir="ltr">Nur auf Deutsch</span>' in html


def test_the_news_link_in_the_main_menu_comes_before_contact(client):
    html = html_of(client, "/en/news/")
    menu = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert menu.index('href="/en/news/" aria-current="page"') < menu.index('href="/en/contact/"')


def test_the_post_page_shows_text_author_and_date(client):
    post = make_post(
        title_de="MiSO feiert zehnjähriges Bestehen",
        body_de="<p>Vor genau zehn Jahren wurde der Verein gegründet.</p>",
        author="Wolfgang Becker",
        published_at=datetime.datetime(2022, 5, 3, 10, tzinfo=datetime.UTC),
    )
    html = html_of(client, f"/de/news/{post.slug}/")
    assert "<h1>MiSO feiert zehnjähriges Bestehen</h1>" in html
    assert "Vor genau zehn Jahren wurde der Verein gegründet." in html
    assert "Wolfgang Becker" in html
    assert "3. Mai 2022" in html


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_post_page_shows_the_reading_time_of_its_language(client, language):
    # Each language gets a different length: 200 words more for each.
    lengths = {code: 200 * (index + 1) for index, code in enumerate(LANGUAGE_CODES)}
    post = make_post(**{f"body_{code}": words(length) for code, length in lengths.items()})
    html = html_of(client, f"/{language}/news/{post.slug}/")
    shown = re.search(r'class="reading-time">[^<0-9]*(\d+)', html).group(1)
    assert int(shown) == lengths[language] // 200


def test_a_draft_or_scheduled_post_is_not_found(client):
    draft = make_post(is_published=False)
    scheduled = make_post(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(f"/de/news/{draft.slug}/").status_code == 404
    assert client.get(f"/de/news/{scheduled.slug}/").status_code == 404


def test_a_closed_job_posting_still_answers_and_says_the_deadline_has_passed(client):
    job = make_job_posting(datetime.date(2019, 5, 31), title_en="Apprenticeship")
    html = html_of(client, f"/en/news/{job.slug}/")
    assert "The application deadline has passed (May 31, 2019)." in html


def test_an_open_job_posting_shows_its_deadline(client):
    job = make_job_posting(timezone.localdate() + datetime.timedelta(days=3))
    html = html_of(client, f"/en/news/{job.slug}/")
    assert "Application deadline:" in html
    assert "has passed" not in html


def test_the_post_page_links_the_older_and_the_newer_post(client):
    now = timezone.now()
    older = make_post(title_en="Older", published_at=now - datetime.timedelta(days=3))
    middle = make_post(published_at=now - datetime.timedelta(days=2))
    newer = make_post(title_en="Newer", published_at=now - datetime.timedelta(days=1))
    pager = html_of(client, f"/en/news/{middle.slug}/").split('class="post-pager"')[1]
    assert f'href="{older.get_absolute_url()}"' in pager and "Older" in pager
    assert f'href="{newer.get_absolute_url()}"' in pager and "Newer" in pager


def test_previous_and_next_skip_posts_visitors_cannot_see(client):
    now = timezone.now()
    visible = make_post(published_at=now - datetime.timedelta(days=5))
    make_post(slug="a-draft", is_published=False, published_at=now - datetime.timedelta(days=4))
    make_job_posting(
        datetime.date(2019, 5, 31),
        slug="a-closed-job",
        published_at=now - datetime.timedelta(days=3),
    )
    current = make_post(published_at=now - datetime.timedelta(days=2))
    pager = html_of(client, f"/en/news/{current.slug}/").split('class="post-pager"')[1]
    assert visible.get_absolute_url() in pager
    assert "a-draft" not in pager and "a-closed-job" not in pager
    assert "Newer post" not in pager


def test_posts_published_at_the_same_moment_still_link_each_other(client):
    moment = timezone.now() - datetime.timedelta(days=1)
    first = make_post(published_at=moment)
    second = make_post(published_at=moment)
    assert second.get_absolute_url() in html_of(client, first.get_absolute_url())
    assert first.get_absolute_url() in html_of(client, second.get_absolute_url())


@pytest.mark.parametrize("count", [10, 1000])
def test_the_list_page_costs_the_same_queries_however_many_posts(
    client, django_assert_max_num_queries, count, site_pages
):
    make_many_posts(count, cover_image=make_image())
    with django_assert_max_num_queries(LIST_QUERIES):
        html = html_of(client, "/de/news/")
    assert len(post_titles(html)) == 10


@pytest.mark.parametrize("count", [10, 1000])
def test_the_post_page_costs_the_same_queries_however_many_posts(
    client, django_assert_max_num_queries, count, related, site_pages
):
    posts = make_many_posts(count, cover_image=make_image())
    post = Post.objects.get(pk=posts[count // 2].pk)
    post.organisations.set(related["organisations"])
    post.projects.set(related["projects"])
    with django_assert_max_num_queries(DETAIL_QUERIES):
        html = html_of(client, post.get_absolute_url())
    with translation.override("de"):
        assert translation.gettext("Older post") in html
        assert translation.gettext("Newer post") in html
    assert related["organisations"][0].name in html


@pytest.fixture
def related():
    return {
        "organisations": [
            make_organisation(name="kargah e. V."),
            make_organisation(name="IIK e. V."),
        ],
        "projects": [make_project(title_en="Move it"), make_project(title_en="MDraWing")],
    }


def test_the_post_page_links_related_organisations_and_projects(client, related):
    post = make_post()
    hidden_project = make_project(title_en="Not yet public", is_published=False)
    post.organisations.set(related["organisations"])
    post.projects.set([*related["projects"], hidden_project])
    html = html_of(client, f"/en/news/{post.slug}/")
    for organisation in related["organisations"]:
        assert (
            f'href="{organisation.get_absolute_url()}"><bdi>{organisation.name}</bdi></a>' in html
        )
    assert "Move it" in html and "MDraWing" in html
    assert "Not yet public" not in html


def test_staff_preview_a_draft_on_its_public_page(admin_client):
    draft = make_post(title_en="Not yet out", is_published=False)
    html = html_of(admin_client, f"/en/news/{draft.slug}/")
    assert "Not yet out" in html
    assert 'class="preview-banner"' in html


def test_the_sitemap_lists_the_news_and_each_listed_post_in_every_language(client):
    post = make_post()
    make_job_posting(datetime.date(2019, 5, 31), slug="closed-job")
    sitemap = html_of(client, "/sitemap-news.xml")
    for code in LANGUAGE_CODES:
        assert f"<loc>http://testserver/{code}/news/</loc>" in sitemap
        assert f"<loc>http://testserver/{code}/news/{post.slug}/</loc>" in sitemap
    assert "closed-job" not in sitemap


def test_the_post_card_takes_the_heading_level_of_its_place(rf):
    post = make_post(title_en="On the home page")
    with translation.override("en"):
        html = render_to_string(
            "news/includes/post_card.html",
            {"post": post, "heading_level": 3},
            request=rf.get("/en/"),
        )
    assert f'<h3><a href="/en/news/{post.slug}/">On the home page</a></h3>' in html
