"""A translation older than its German text is marked outdated until someone edits it."""

import pytest
from django.urls import reverse
from django.utils import translation

from backoffice.translation_status import outdated_translations
from news.models import Post
from tests.news.factories import make_post
from tests.security.html_forms import forms_on

from .factories import make_staff

pytestmark = pytest.mark.django_db

NEW_TITLE = "Sommerfest verschoben"


def translated_post(**overrides):
    return make_post(
        title_de="Sommerfest",
        title_en="Summer party",
        title_ru="Летний праздник",
        body_de="<p>Am Samstag im Park.</p>",
        body_en="<p>On Saturday in the park.</p>",
        **overrides,
    )


def change_german_title(post, title=NEW_TITLE):
    post = Post.objects.get(pk=post.pk)
    post.title_de = title
    post.save()
    return post


def test_changing_the_german_text_marks_each_translation_of_that_field_outdated():
    post = change_german_title(translated_post())
    assert outdated_translations(post) == {("title", "en"), ("title", "ru")}


def test_a_missing_translation_is_not_outdated_but_missing():
    post = change_german_title(translated_post())
    assert ("title", "fr") not in outdated_translations(post)


@pytest.mark.parametrize("admin_language", ["de", "en", "ar"])
def test_the_mark_does_not_depend_on_the_language_active_while_saving(admin_language):
    post = translated_post()
    with translation.override(admin_language):
        change_german_title(post)
    assert outdated_translations(post) == {("title", "en"), ("title", "ru")}


def test_saving_without_changing_the_german_text_marks_nothing():
    post = translated_post()
    Post.objects.get(pk=post.pk).save()
    assert outdated_translations(post) == set()


def test_editing_a_translation_clears_its_mark_only():
    post = change_german_title(translated_post())
    post.title_en = "Summer party postponed"
    post.save()
    assert outdated_translations(post) == {("title", "ru")}


def test_a_translation_edited_with_its_german_text_stays_current():
    post = translated_post()
    post = Post.objects.get(pk=post.pk)
    post.title_de = NEW_TITLE
    post.title_en = "Summer party postponed"
    post.save()
    assert outdated_translations(post) == {("title", "ru")}


def test_a_later_german_change_keeps_the_translation_outdated():
    post = change_german_title(change_german_title(translated_post()), "Sommerfest abgesagt")
    assert outdated_translations(post) == {("title", "en"), ("title", "ru")}


def test_deleting_the_object_forgets_its_marks():
    post = change_german_title(translated_post())
    pk = post.pk
    post.delete()
    post.pk = pk
    assert outdated_translations(post) == set()


def test_saving_in_the_admin_marks_translations_outdated(client):
    post = translated_post()
    client.force_login(make_staff(superuser=True, admin_language="en"))
    url = reverse("admin:news_post_change", args=[post.pk])
    form = [form for form in forms_on(client.get(url).content.decode()) if form.method == "post"]
    response = client.post(url, {**form[-1].values(), "title_de": NEW_TITLE, "_save": "Save"})
    assert response.status_code == 302
    assert outdated_translations(post) == {("title", "en"), ("title", "ru")}


def test_the_language_tab_of_an_outdated_translation_is_marked(client):
    post = change_german_title(translated_post())
    client.force_login(make_staff(superuser=True, admin_language="ar"))
    form = client.get(reverse("admin:news_post_change", args=[post.pk])).context["adminform"].form
    marked = {
        name
        for name, field in form.fields.items()
        if "data-outdated-label" in getattr(field.widget, "widget", field.widget).attrs
    }
    assert marked == {"title_en", "title_ru"}
    with translation.override("ar"):
        assert form.fields["title_en"].widget.attrs["data-outdated-label"] == translation.gettext(
            "outdated"
        )


def test_the_list_shows_the_outdated_languages_per_object(client):
    change_german_title(translated_post())
    client.force_login(make_staff(superuser=True, admin_language="en"))
    html = client.get(reverse("admin:news_post_changelist")).content.decode()
    assert 'class="translation-outdated" lang="en" title="English">EN</abbr>' in html
    assert 'class="translation-outdated" lang="ru"' in html


def test_the_filter_finds_objects_outdated_in_a_language(client):
    outdated = change_german_title(translated_post(slug="verschoben"))
    current = translated_post(slug="aktuell")
    client.force_login(make_staff(superuser=True, admin_language="en"))
    response = client.get(reverse("admin:news_post_changelist"), {"outdated": "ru"})
    shown = list(response.context["cl"].result_list)
    assert outdated in shown
    assert current not in shown


@pytest.mark.parametrize("count", [1, 30])
def test_the_outdated_column_costs_no_query_per_row(client, django_assert_max_num_queries, count):
    for _ in range(count):
        change_german_title(translated_post())
    client.force_login(make_staff(superuser=True))
    with django_assert_max_num_queries(16):
        client.get(reverse("admin:news_post_changelist"))


def test_the_overview_counts_outdated_beside_missing(client):
    outdated = change_german_title(translated_post())
    client.force_login(make_staff(superuser=True, admin_language="en"))
    response = client.get(reverse("admin:translations"))
    (row,) = [row for row in response.context["rows"] if row["model"] == "news.post"]
    cells = {cell["code"]: cell for cell in row["cells"]}
    assert (cells["en"]["missing"], cells["en"]["outdated"]) == (0, 1)
    assert (cells["fr"]["missing"], cells["fr"]["outdated"]) == (1, 0)
    assert (cells["ru"]["missing"], cells["ru"]["outdated"]) == (1, 1)
    html = response.content.decode()
    assert f'href="{reverse("admin:news_post_changelist")}?outdated=ru"' in html
    assert f'href="{reverse("admin:news_post_change", args=[outdated.pk])}"' in html


def test_visitors_still_read_the_outdated_translation_without_a_note(client):
    post = change_german_title(translated_post())
    html = client.get(post.get_absolute_url().replace("/de/", "/en/")).content.decode()
    assert "Summer party" in html
    assert "outdated-translation" not in html
    assert NEW_TITLE not in html


def test_staff_see_in_the_preview_which_texts_are_outdated(client):
    post = change_german_title(translated_post())
    client.force_login(make_staff(superuser=True, admin_language="de"))
    with translation.override("en"):
        url = post.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Summer party" in html
    assert 'class="preview-banner outdated-translation"' in html
    assert "Outdated translation" in html
    assert "Title" in html
