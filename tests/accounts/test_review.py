"""The office's review in the admin: the change beside the live entry, and the decisions."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import EventProposal, OrganisationChange, Review
from tests.backoffice.factories import make_staff
from tests.members.factories import make_organisation

from .factories import make_change, make_event_proposal, make_member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def change():
    organisation = make_organisation(name="Verein Nord", description_de="<p>Alter Text.</p>")
    return make_change(
        make_member_of(organisation),
        language="ar",
        descriptions={"de": "Neuer Text.", "ar": "نص جديد."},
        phone="0511 99",
    )


def change_url(change):
    return reverse("admin:accounts_organisationchange_change", args=[change.pk])


def office(language=None):
    return make_staff(superuser=True, admin_language=language)


def test_office_sees_each_changed_field_beside_the_live_one(client, change):
    client.force_login(office("en"))
    html = client.get(change_url(change)).content.decode()
    assert "Description (Deutsch)" in html
    assert "Alter Text." in html
    assert "Neuer Text." in html
    assert "نص جديد." in html
    assert "0511 99" in html
    # Unchanged fields are not listed.
    assert "Description (Français)" not in html


def test_review_page_speaks_arabic_for_an_arabic_admin(client, change):
    client.force_login(office("ar"))
    html = client.get(change_url(change)).content.decode()
    assert 'dir="rtl"' in html
    assert "نشر التعديل" in html


def test_publish_button_publishes_and_tells_the_member(client, change):
    client.force_login(office())
    response = client.post(change_url(change), {"office_comment": "", "_publish": "1"})
    assert response.status_code == 302
    change.organisation.refresh_from_db()
    assert change.organisation.description_de == "<p>Neuer Text.</p>"
    assert change.organisation.phone == "0511 99"
    assert OrganisationChange.objects.get().status == Review.PUBLISHED
    assert mail.outbox[-1].to == [change.account.email]


def test_returning_needs_a_comment(client, change):
    client.force_login(office())
    client.post(change_url(change), {"office_comment": "", "_send_back": "1"})
    assert OrganisationChange.objects.get().status == Review.NEW
    assert not mail.outbox


def test_returning_with_a_comment_tells_the_member(client, change):
    client.force_login(office())
    client.post(change_url(change), {"office_comment": "Bitte kürzer.", "_send_back": "1"})
    assert OrganisationChange.objects.get().status == Review.RETURNED
    assert "Bitte kürzer." in mail.outbox[-1].body
    change.organisation.refresh_from_db()
    assert change.organisation.description_de == "<p>Alter Text.</p>"


def test_decided_change_offers_no_decision(client, change):
    change.publish(office())
    client.force_login(office())
    html = client.get(change_url(change)).content.decode()
    assert 'name="_publish"' not in html
    assert 'name="office_comment"' not in html


def test_decline_button_declines_the_event_proposal(client):
    proposal = make_event_proposal(make_member_of(), language="de")
    client.force_login(office())
    url = reverse("admin:accounts_eventproposal_change", args=[proposal.pk])
    html = client.get(url).content.decode()
    assert reverse("admin:events_event_change", args=[proposal.event.pk]) in html
    client.post(url, {"office_comment": "Passt nicht zu uns.", "_decline": "1"})
    assert EventProposal.objects.get().status == Review.RETURNED
    assert "Passt nicht zu uns." in mail.outbox[-1].body


def test_proposals_are_in_the_office_inbox(client, change):
    client.force_login(office("en"))
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:accounts_organisationchange_changelist") in html
