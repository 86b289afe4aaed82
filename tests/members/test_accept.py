"""Accepting a membership application makes a draft entry that the office checks first.

Nothing the applicant sent is public before the office makes the entry active, and
their email address and phone number, given to the office only, never are.
"""

import datetime
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from backoffice.history import comment_in_language
from members.models import MemberOrganisation, MembershipApplication
from tests.backoffice.admin_forms import form_as_shown
from tests.backoffice.factories import make_staff
from tests.languages import LANGUAGE_CODES
from tests.members.factories import make_application, make_district, make_organisation
from tests.public_pages import sitemap_paths
from tests.search.results import result_titles, search

APPLICATIONS = "/admin/members/membershipapplication/"

# An application written in French, with the contact details meant for the office.
NAME = "Zitronenfalter Kulturverein"
EMAIL = "vorstand.zitronenfalter@example.org"
PHONE = "0511 9876543"
APPLICATION = {
    "organisation_name": NAME,
    "email": EMAIL,
    "phone": PHONE,
    "activities": "Nous cuisinons une soupe aux lentilles chaque vendredi.",
    "language": "fr",
}
DESCRIPTION = "<p>Nous cuisinons une soupe aux lentilles chaque vendredi.</p>"
NOTICE = (
    "The German description is still the applicant's own text in their language. Visitors "
    "read the German text wherever their language is missing: please translate it into "
    "German. Saving a German description or making the entry active clears this notice."
)


@pytest.fixture
def office(client, db):
    """An office editor signed in to the admin, which speaks English to them."""
    user = make_staff(groups=["Office"], admin_language="en")
    client.force_login(user)
    return user


def accept(client, *applications):
    return client.post(
        APPLICATIONS,
        {"action": "accept", "_selected_action": [application.pk for application in applications]},
    )


def accepted(client, **application):
    """The organisation the office made by accepting an application."""
    accept(client, make_application(**(APPLICATION | application)))
    return MemberOrganisation.objects.get(name=application.get("organisation_name", NAME))


def change_url(organisation):
    return reverse("admin:members_memberorganisation_change", args=[organisation.pk])


def save_in_the_admin(client, organisation, **changes):
    """The office opens the entry, changes what is given and saves."""
    url = change_url(organisation)
    response = client.post(url, form_as_shown(client.get(url)) | changes)
    assert response.status_code == 302
    organisation.refresh_from_db()


def test_accepting_makes_the_organisation_an_inactive_draft(client, office):
    linden = make_district("Linden")
    application = make_application(district=linden)
    accept(client, application)
    application.refresh_from_db()
    organisation = application.organisation
    assert application.status == MembershipApplication.Status.ACCEPTED
    assert (organisation.name, organisation.district) == (application.organisation_name, linden)
    assert not organisation.is_active


def test_the_applicants_email_and_phone_stay_out_of_the_entry(client, office):
    organisation = accepted(client)
    public_contact = [
        organisation.email,
        organisation.phone,
        organisation.website,
        organisation.street,
        organisation.postcode,
    ]
    assert public_contact == ["", "", "", "", ""]


def test_member_since_is_the_day_of_acceptance_in_hannover(db, monkeypatch):
    application = make_application()
    # 23:30 in London on New Year's Eve is already New Year's Day in Hannover.
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert application.accept().member_since == datetime.date(2027, 1, 1)


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "de"])
def test_a_description_in_another_language_is_also_the_german_text(client, office, language):
    organisation = accepted(client, language=language)
    assert organisation.description_de == DESCRIPTION
    assert getattr(organisation, f"description_{language}") == DESCRIPTION


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != "de"])
def test_a_description_in_another_language_is_marked_for_review(client, office, language):
    assert accepted(client, language=language).needs_review


def test_a_german_description_needs_no_review(client, office):
    organisation = accepted(
        client, language="de", activities="Wir kochen freitags Linsensuppe für alle."
    )
    assert organisation.description_de == "<p>Wir kochen freitags Linsensuppe für alle.</p>"
    assert not organisation.needs_review


@pytest.mark.parametrize("admin_language", ["en", "ar"])
def test_the_entry_tells_the_office_its_german_text_needs_review(client, office, admin_language):
    organisation = accepted(client)
    client.force_login(make_staff(groups=["Office"], admin_language=admin_language))
    with translation.override(admin_language):
        notice = translation.gettext(NOTICE)
    assert notice in unescape(client.get(change_url(organisation)).content.decode())


def test_the_office_can_list_the_entries_that_need_review(client, office):
    draft = accepted(client)
    make_organisation("Längst geprüfter Verein")
    html = client.get(
        reverse("admin:members_memberorganisation_changelist"), {"needs_review__exact": "1"}
    ).content.decode()
    assert draft.name in html
    assert "Längst geprüfter Verein" not in html


def test_saving_a_german_description_clears_the_review_mark(client, office):
    organisation = accepted(client)
    save_in_the_admin(client, organisation, description_de="<p>Wir kochen Linsensuppe.</p>")
    assert not organisation.needs_review


def test_saving_other_languages_keeps_the_review_mark(client, office):
    organisation = accepted(client)
    save_in_the_admin(client, organisation, description_en="<p>We cook lentil soup.</p>")
    assert organisation.needs_review


def test_making_the_entry_active_clears_the_review_mark(client, office):
    organisation = accepted(client)
    save_in_the_admin(client, organisation, is_active="on")
    assert not organisation.needs_review


def test_the_first_version_says_which_application_the_accepting_editor_made_it_from(
    client, office, django_capture_on_commit_callbacks
):
    application = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        accept(client, application)
    application.refresh_from_db()
    (version,) = Version.objects.get_for_object(application.organisation)
    assert version.revision.user == office
    with translation.override("en"):
        comment = comment_in_language(version.revision.comment)
    assert comment == f"Created from membership application {application.pk}"


def test_accepting_twice_creates_one_organisation(client, office):
    application = make_application()
    accept(client, application)
    accept(client, application)
    assert MemberOrganisation.objects.count() == 1


def test_a_second_accept_of_the_same_application_changes_nothing(
    db, django_capture_on_commit_callbacks
):
    application = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = application.accept()
        assert MembershipApplication.objects.get().accept() is None
    assert list(MemberOrganisation.objects.all()) == [organisation]
    assert Version.objects.get_for_object(organisation).count() == 1


def test_accepting_is_all_or_nothing(db, monkeypatch):
    application = make_application()

    def failing_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(MembershipApplication, "save", failing_save)
    with pytest.raises(RuntimeError):
        application.accept()
    assert not MemberOrganisation.objects.exists()
    assert MembershipApplication.objects.get().status == MembershipApplication.Status.NEW


@pytest.fixture
def visitor(settings, site_pages):
    """Someone on the public site, where pages are cached as in production."""
    settings.PAGE_CACHE_SECONDS = 300
    return Client()


def public_url(organisation, language):
    with translation.override(language):
        return organisation.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_nothing_from_an_application_is_public_before_the_office_publishes(
    client, office, visitor, language
):
    organisation = accepted(client)
    pages = [
        visitor.get(path)
        for path in (f"/{language}/", f"/{language}/members/", public_url(organisation, language))
    ]
    assert [page.status_code for page in pages] == [200, 200, 404]
    shown = [
        secret
        for page in pages
        for secret in (NAME, EMAIL, PHONE, "lentilles")
        if secret in page.content.decode()
    ]
    assert shown == []
    searches = [search(visitor, words, language) for words in (NAME, "lentilles")]
    assert [result_titles(html) for html in searches] == [[], []]
    assert [path for path in sitemap_paths(visitor) if organisation.slug in path] == []


def test_a_draft_is_not_counted_on_the_home_page(client, office, visitor):
    make_organisation()
    accepted(client)
    home = visitor.get("/de/").content.decode()
    assert re.search(r'<span class="count">(\d+)</span>', home)[1] == "1"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_once_the_office_publishes_the_entry_is_public(client, office, visitor, language):
    organisation = accepted(client)
    visitor.get(f"/{language}/members/")  # cached while the entry was a draft
    save_in_the_admin(client, organisation, is_active="on")

    directory = visitor.get(f"/{language}/members/").content.decode()
    page = visitor.get(public_url(organisation, language))
    assert NAME in directory
    assert page.status_code == 200
    assert "lentilles" in page.content.decode()
    assert any(organisation.slug in path for path in sitemap_paths(visitor))


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_once_published_the_entry_still_hides_the_applicants_email_and_phone(
    client, office, visitor, language
):
    organisation = accepted(client)
    save_in_the_admin(client, organisation, is_active="on")
    html = visitor.get(public_url(organisation, language)).content.decode()
    assert [secret for secret in (EMAIL, PHONE) if secret in html] == []
