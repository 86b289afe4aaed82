"""Our entry: a member proposes, the office publishes or returns, the member is told."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from accounts.models import OrganisationChange, Review
from tests.backoffice.factories import make_staff
from tests.images.factories import image_file
from tests.members.factories import (
    make_district,
    make_focus_area,
    make_language,
    make_member,
    make_organisation,
)

from .factories import make_change, make_member_of

pytestmark = pytest.mark.django_db

ENTRY = "/uk/members-area/our-entry/"


def entry_form(**overrides):
    fields = {
        "description_uk": "Ми допомагаємо родинам з України.",
        "city": "Hannover",
        "postcode": "30451",
        "street": "Limmerstraße 1",
        "website": "https://example.org",
        "email": "info@example.org",
        "phone": "0511 123456",
    }
    return fields | overrides


@pytest.fixture
def member():
    organisation = make_organisation(name="Ukrainischer Verein", description_de="<p>Alt.</p>")
    return make_member_of(organisation)


def test_change_is_stored_and_the_live_entry_stays(client, member):
    client.force_login(member)
    response = client.post(ENTRY, entry_form())
    assert response.status_code == 302
    change = OrganisationChange.objects.get()
    assert change.descriptions["uk"] == "Ми допомагаємо родинам з України."
    assert change.account == member
    assert change.language == "uk"
    member.membership.organisation.refresh_from_db()
    assert member.membership.organisation.description_uk in ("", None)


def test_office_is_emailed_about_the_change(client, member):
    client.force_login(member)
    client.post(ENTRY, entry_form())
    assert OrganisationChange.objects.get().office_notified
    assert "Ukrainischer Verein" in mail.outbox[0].body


def test_second_edit_replaces_the_waiting_change(client, member):
    client.force_login(member)
    client.post(ENTRY, entry_form())
    client.post(ENTRY, entry_form(description_uk="Новий текст."))
    assert OrganisationChange.objects.get().descriptions["uk"] == "Новий текст."


def test_colleagues_edit_goes_into_the_same_waiting_change(client, member):
    colleague = make_member_of(member.membership.organisation)
    make_change(colleague)
    client.force_login(member)
    client.post(ENTRY, entry_form())
    change = OrganisationChange.objects.get()
    assert change.descriptions == {"uk": "Ми допомагаємо родинам з України."}


def test_form_starts_from_the_waiting_change(client, member):
    make_change(member, descriptions={"de": "Unser neuer Text."})
    client.force_login(member)
    assert "Unser neuer Text." in client.get(ENTRY).content.decode()


def test_form_starts_from_the_live_entry_as_plain_text(client, member):
    client.force_login(member)
    html = client.get(ENTRY).content.decode()
    assert "Alt.</textarea>" in html
    assert "&lt;p&gt;" not in html


def test_change_without_any_description_is_refused_with_a_message(client, member):
    client.force_login(member)
    response = client.post(ENTRY, entry_form(description_uk=""))
    assert response.status_code == 200
    assert "хоча б однією мовою" in response.content.decode()
    assert not OrganisationChange.objects.exists()


def test_invalid_phone_number_keeps_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(ENTRY, entry_form(phone="call us"))
    html = response.content.decode()
    assert "Ми допомагаємо родинам з України." in html
    assert not OrganisationChange.objects.exists()


def test_file_that_is_no_image_is_refused_as_logo(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not a picture", content_type="image/png")
    response = client.post(ENTRY, entry_form(logo_file=fake))
    assert response.status_code == 200
    assert response.context["form"].errors["logo_file"]
    assert not OrganisationChange.objects.exists()


def test_logo_is_stored_in_the_image_library_for_the_office(client, member):
    client.force_login(member)
    client.post(ENTRY, entry_form(logo_file=image_file(name="logo.png")))
    change = OrganisationChange.objects.get()
    assert change.logo.alt_de == "Logo von Ukrainischer Verein"
    change.publish(make_staff())
    assert OrganisationChange.objects.get().organisation.logo == change.logo


def test_publishing_applies_the_change_with_a_history_entry(member):
    focus = make_focus_area()
    language = make_language()
    district = make_district()
    change = make_change(
        member,
        language="uk",
        descriptions={"uk": "Перший абзац.\n\nДругий абзац."},
        district=district,
        street="Limmerstraße 1",
    )
    change.focus_areas.set([focus])
    change.languages.set([language])
    assert change.publish(make_staff())
    organisation = member.membership.organisation
    organisation.refresh_from_db()
    assert organisation.description_uk == "<p>Перший абзац.</p>\n\n<p>Другий абзац.</p>"
    assert organisation.description_de == "<p>Alt.</p>"
    assert organisation.district == district
    assert list(organisation.focus_areas.all()) == [focus]
    assert list(organisation.languages.all()) == [language]
    assert Version.objects.get_for_object(organisation).exists()


def test_member_is_told_of_publication_in_their_language(member):
    change = make_change(member, language="uk")
    change.publish(make_staff())
    assert mail.outbox[-1].to == [member.email]
    assert "опубліковано" in mail.outbox[-1].subject.lower()


def test_change_is_published_once(member):
    change = make_change(member)
    office = make_staff()
    assert change.publish(office)
    assert not OrganisationChange.objects.get().publish(office)


def test_returned_change_tells_the_member_and_keeps_their_text(client, member):
    change = make_change(member, language="uk", descriptions={"uk": "Наш текст."})
    change.office_comment = "Please add your opening hours."
    assert change.return_to_member()
    assert "Please add your opening hours." in mail.outbox[-1].body
    client.force_login(member)
    html = client.get(ENTRY).content.decode()
    assert "Наш текст." in html
    assert "Please add your opening hours." in html
    client.post(ENTRY, entry_form(description_uk="Наш текст з годинами."))
    assert OrganisationChange.objects.filter(status=Review.NEW).count() == 1
    assert OrganisationChange.objects.filter(status=Review.RETURNED).count() == 1


def test_change_decided_while_the_member_typed_is_saved_as_a_new_one(member):
    change = make_change(member, descriptions={"de": "Erster Vorschlag."})
    typing = OrganisationChange.objects.get(pk=change.pk)
    change.publish(make_staff())
    typing.join(None)
    typing.descriptions = {"de": "Zweiter Vorschlag."}
    typing.save()
    assert OrganisationChange.objects.get(pk=change.pk).descriptions == {"de": "Erster Vorschlag."}
    assert OrganisationChange.objects.get(status=Review.NEW).descriptions == {
        "de": "Zweiter Vorschlag."
    }


def test_account_without_organisation_gets_not_found(client, django_user_model):
    client.force_login(make_member(django_user_model))
    assert client.get(ENTRY).status_code == 404


def test_member_only_sees_their_own_organisations_change(client, member):
    make_change(member, descriptions={"de": "Geheimer Entwurf."})
    client.force_login(make_member_of())
    html = client.get(ENTRY).content.decode()
    assert "Geheimer Entwurf." not in html


def test_change_is_in_the_persons_data_download(member):
    change = make_change(member, descriptions={"de": "Unser Text."})
    data = change.personal_data()
    assert data["descriptions"] == {"de": "Unser Text."}
    assert data["organisation"] == "Ukrainischer Verein"
