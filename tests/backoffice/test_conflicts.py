"""Two people edit the same item: the second save never silently replaces the first.

Each editor has a browser session of their own (a test client), opens the change
form and sends back what the browser would send: the form as shown, with their
changes.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.translated import is_translated
from news.models import Post
from tests.events.factories import make_event, make_venue
from tests.images.factories import make_image
from tests.languages import LANGUAGE_CODES, in_languages
from tests.members.factories import make_district, make_focus_area, make_organisation
from tests.news.factories import make_post
from tests.people.factories import make_board_membership, make_person
from tests.security.html_forms import forms_on

from .factories import make_staff

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved this item after you opened it."


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def change_form(response):
    """The change form as the browser shows it (the page's other forms are smaller:
    the language chooser and the log-out button)."""
    return max(forms_on(response.content.decode()), key=lambda form: len(form.fields))


class Editor:
    """One member of the office in a browser session of their own."""

    def __init__(self, username, admin_language="en"):
        self.user = make_staff(username, groups=["Office"], admin_language=admin_language)
        self.client = Client()
        self.client.force_login(self.user)
        self.url = self.form = None

    def open(self, url):
        self.url = url
        response = self.client.get(url)
        assert response.status_code == 200
        self.form = change_form(response)

    def save(self, **changes):
        """Send the form with ``changes`` typed in; a form shown again is what the browser holds."""
        response = self.client.post(
            self.url, self.form.values() | {name: [value] for name, value in changes.items()}
        )
        if response.status_code == 200:
            self.form = change_form(response)
        return response


@pytest.fixture
def post():
    return make_post(title_de="Sommerfest", teaser_en="Summer party.")


@pytest.fixture
def anna():
    return Editor("anna")


@pytest.fixture
def omar():
    return Editor("omar")


def saved_by_anna_then_omar(obj, anna, omar, **omars_changes):
    """Both open ``obj``; Anna saves her change first, then Omar saves his."""
    anna.open(change_url(obj))
    omar.open(change_url(obj))
    assert anna.save(title_de="Sommerfest 2026").status_code == 302
    return omar.save(**(omars_changes or {"teaser_en": "Summer party in the park."}))


def conflict_of(response):
    return response.context["adminform"].form.conflict


def test_the_second_save_is_refused_and_names_the_changed_field(post, anna, omar):
    response = saved_by_anna_then_omar(post, anna, omar)
    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert conflict_of(response).fields == ["Title [de]"]


def test_the_refused_save_leaves_the_first_save_as_it_was(post, anna, omar):
    saved_by_anna_then_omar(post, anna, omar)
    post.refresh_from_db()
    assert (post.title_de, post.teaser_en) == ("Sommerfest 2026", "Summer party.")


def test_the_refused_form_still_holds_what_the_second_editor_typed(post, anna, omar):
    response = saved_by_anna_then_omar(post, anna, omar, teaser_en="Summer party in the park.")
    assert response.context["adminform"].form["teaser_en"].value() == "Summer party in the park."
    assert "Summer party in the park." in response.content.decode()


def test_the_refusal_says_who_saved_and_when(post, anna, omar):
    response = saved_by_anna_then_omar(post, anna, omar)
    (version,) = conflict_of(response).versions
    assert version.revision.user == anna.user
    assert "Saved by anna on " in response.content.decode()


def test_the_refusal_links_to_the_current_version(post, anna, omar):
    response = saved_by_anna_then_omar(post, anna, omar)
    assert f'<a href="{change_url(post)}">Open the current version' in response.content.decode()


def test_a_change_made_outside_the_back_office_is_refused_too(post, omar):
    omar.open(change_url(post))
    Post.objects.filter(pk=post.pk).update(body_ar="<p>نص جديد</p>")
    response = omar.save(teaser_en="Summer party in the park.")
    assert conflict_of(response).fields == ["Text [ar]"]
    assert "The history does not say who changed it" in response.content.decode()


def test_the_refused_form_saved_again_as_it_is_is_refused_again(post, anna, omar):
    saved_by_anna_then_omar(post, anna, omar)
    response = omar.save()
    assert conflict_of(response).fields == ["Title [de]"]
    post.refresh_from_db()
    assert post.teaser_en == "Summer party."


def test_save_anyway_saves_the_second_editors_version(post, anna, omar):
    saved_by_anna_then_omar(post, anna, omar, teaser_en="Summer party in the park.")
    assert omar.save(_save_anyway="1").status_code == 302
    post.refresh_from_db()
    assert post.teaser_en == "Summer party in the park."


def test_save_anyway_is_refused_when_the_item_changed_again_since_the_refusal(post, anna, omar):
    saved_by_anna_then_omar(post, anna, omar)
    anna.open(change_url(post))
    assert anna.save(teaser_de="Mit Musik.").status_code == 302
    response = omar.save(_save_anyway="1")
    assert "Teaser [de]" in conflict_of(response).fields
    post.refresh_from_db()
    assert post.teaser_de == "Mit Musik."


def test_a_changed_row_of_an_inline_is_a_conflict(anna, omar):
    person = make_person()
    make_board_membership(person, role="member")
    anna.open(change_url(person))
    omar.open(change_url(person))
    assert anna.save(**{"board_memberships-0-role": "chair"}).status_code == 302
    response = omar.save(email="amina@example.org")
    assert conflict_of(response).fields == ["Board memberships"]


def test_a_changed_many_to_many_link_is_a_conflict(post, anna, omar):
    anna.open(change_url(post))
    omar.open(change_url(post))
    organisation = make_organisation("kargah e.V.")
    assert anna.save(organisations=str(organisation.pk)).status_code == 302
    response = omar.save(teaser_en="Summer party in the park.")
    assert conflict_of(response).fields == ["Member organisations"]


def whole_seconds(days):
    """A time ``days`` from now as the admin shows it, to the second."""
    return (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)


def filled_post():
    """Rich text, every language, dates and an image: what could come back altered."""
    return make_post(
        kind=Post.Kind.JOB,
        **in_languages("title", "Stelle"),
        **in_languages("teaser", "Wir suchen"),
        **dict.fromkeys(
            [f"body_{code}" for code in LANGUAGE_CODES],
            "<h2>Aufgaben</h2><p><strong>Beratung</strong> &amp; <em>Begleitung</em></p>",
        ),
        cover_image=make_image(**in_languages("alt", "Team im Büro")),
        published_at=whole_seconds(-1),
        application_deadline=datetime.date(2030, 7, 1),
    )


def filled_event():
    return make_event(
        **in_languages("title", "Fest"),
        **in_languages("description", "<p>Alle sind eingeladen.</p>"),
        venue=make_venue(district=make_district()),
        starts_at=whole_seconds(7),
        ends_at=whole_seconds(8),
        published_at=whole_seconds(-1),
        registration_deadline=datetime.date(2030, 1, 1),
    )


def filled_organisation():
    return make_organisation(
        "kargah e.V.",
        focus_areas=[make_focus_area()],
        district=make_district(),
        member_since=datetime.date(2010, 5, 1),
        **in_languages("description", "<p>Beratung</p>"),
    )


def person_on_the_board():
    person = make_person(email="amina@example.org")
    make_board_membership(person)
    return person


ITEMS = {
    "post": (filled_post, "teaser_en"),
    "event": (filled_event, "title_fr"),
    "organisation": (filled_organisation, "description_ru"),
    "person": (person_on_the_board, "last_name"),
}


@pytest.mark.parametrize("admin_language", ["en", "ar"])
@pytest.mark.parametrize("kind", ITEMS)
def test_a_save_without_a_change_in_between_is_saved(kind, admin_language):
    make_item, field = ITEMS[kind]
    item = make_item()
    editor = Editor("lea", admin_language=admin_language)
    editor.open(change_url(item))
    assert editor.save(**{field: "Neu"}).status_code == 302
    item.refresh_from_db()
    assert getattr(item, field) == "Neu"


def stored_columns(item, typed):
    """Every column of ``item`` as stored, each language on its own, except the one typed
    in and the time of the last change."""
    model = type(item)
    columns = [
        model_field.attname
        for model_field in model._meta.concrete_fields
        if model_field.attname != typed
        and not getattr(model_field, "auto_now", False)
        and not is_translated(item, model_field.attname)
    ]
    return model.objects.filter(pk=item.pk).values(*columns).get()


@pytest.mark.parametrize("admin_language", ["en", "ar"])
@pytest.mark.parametrize("kind", ITEMS)
def test_a_save_without_a_change_in_between_changes_nothing_else(kind, admin_language):
    make_item, field = ITEMS[kind]
    item = make_item()
    before = stored_columns(item, field)
    editor = Editor("lea", admin_language=admin_language)
    editor.open(change_url(item))
    editor.save(**{field: "Neu"})
    assert stored_columns(item, field) == before


def test_saving_again_after_save_and_continue_is_no_conflict(post, omar):
    omar.open(change_url(post))
    assert omar.save(teaser_en="First.", _continue="1").status_code == 302
    omar.open(change_url(post))
    assert omar.save(teaser_en="Second.").status_code == 302
    post.refresh_from_db()
    assert post.teaser_en == "Second."


def test_the_add_form_saves_as_before(omar):
    omar.open(reverse("admin:news_post_add"))
    response = omar.save(
        title_de="Neue Meldung", slug="neue-meldung", teaser_de="Kurz.", body_de="<p>Text</p>"
    )
    assert response.status_code == 302
    assert Post.objects.filter(slug="neue-meldung").exists()


def test_the_add_form_carries_no_stored_version(omar):
    omar.open(reverse("admin:news_post_add"))
    assert "_stored_version" not in omar.form.values()
