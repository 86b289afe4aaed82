"""Our events: a member proposes, the office publishes or declines, the member is told."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.models import EventProposal, Review
from events.models import Event
from tests.events.factories import make_venue
from tests.images.factories import image_file

from .factories import make_event_proposal, make_member_of

pytestmark = pytest.mark.django_db

PROPOSE = "/ru/members-area/our-events/new/"


def proposal_form(**overrides):
    start = timezone.localtime() + datetime.timedelta(days=10)
    fields = {
        "title": "Вечер русской поэзии",
        "description": "Читаем стихи.\n\nВход свободный.",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "is_free": "on",
        "registration": Event.Registration.NONE,
        "place": "Kulturtreff Linden, Limmerstraße 5",
    }
    return fields | overrides


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member():
    return make_member_of()


def test_proposal_is_stored_as_an_unpublished_event_of_the_organisation(client, member):
    client.force_login(member)
    response = client.post(PROPOSE, proposal_form())
    proposal = EventProposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    event = proposal.event
    assert not event.is_published
    assert list(event.organisations.all()) == [member.membership.organisation]
    assert event.title_ru == event.title_de == "Вечер русской поэзии"
    assert event.description_ru == "<p>Читаем стихи.</p>\n\n<p>Вход свободный.</p>"
    assert proposal.place == "Kulturtreff Linden, Limmerstraße 5"
    assert proposal.office_notified


def test_proposed_event_is_not_public(client, member):
    client.force_login(member)
    client.post(PROPOSE, proposal_form())
    client.logout()
    assert "Вечер русской поэзии" not in client.get("/ru/events/").content.decode()
    event = Event.objects.get()
    assert client.get(event.get_absolute_url()).status_code == 404


def test_member_can_choose_a_listed_venue(client, member):
    venue = make_venue()
    client.force_login(member)
    client.post(PROPOSE, proposal_form(place="", venue=venue.pk))
    assert Event.objects.get().venue == venue


def test_event_in_the_past_is_refused_and_the_text_kept(client, member):
    client.force_login(member)
    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    response = client.post(PROPOSE, proposal_form(starts_at=yesterday.strftime("%Y-%m-%dT%H:%M")))
    assert response.context["form"].errors["starts_at"]
    assert "Читаем стихи." in response.content.decode()
    assert not Event.objects.exists()


def test_event_without_a_place_is_refused(client, member):
    client.force_login(member)
    response = client.post(PROPOSE, proposal_form(place=""))
    assert response.context["form"].errors["place"]


def test_event_with_a_price_needs_the_price(client, member):
    client.force_login(member)
    form = proposal_form()
    del form["is_free"]
    response = client.post(PROPOSE, form)
    assert response.context["form"].errors["price"]


def test_registration_by_email_needs_the_address(client, member):
    client.force_login(member)
    response = client.post(PROPOSE, proposal_form(registration=Event.Registration.EMAIL))
    assert response.context["form"].errors["registration_email"]


def test_publishing_the_event_tells_the_member_once(member, django_capture_on_commit_callbacks):
    proposal = make_event_proposal(member, language="ru")
    event = proposal.event
    with django_capture_on_commit_callbacks(execute=True):
        event.is_published = True
        event.save()
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    proposal.refresh_from_db()
    assert proposal.status == Review.PUBLISHED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "опубликовано" in mail.outbox[0].subject


def test_declining_tells_the_member_with_the_comment(member):
    proposal = make_event_proposal(member, language="ru")
    proposal.office_comment = "Bitte nennen Sie einen Ort in Hannover."
    assert proposal.decline()
    assert proposal.status == Review.RETURNED
    assert "Bitte nennen Sie einen Ort in Hannover." in mail.outbox[0].body


def test_member_sees_their_proposal_with_its_state(client, member):
    proposal = make_event_proposal(member, title_de="Lesung")
    client.force_login(member)
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "Lesung" in html
    assert "Wartet auf die Geschäftsstelle" in html


def test_another_persons_proposal_is_not_found(client, member):
    proposal = make_event_proposal(member)
    client.force_login(make_member_of(member.membership.organisation))
    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_another_persons_proposal_is_not_listed(client, member):
    make_event_proposal(member, title_de="Interne Planung")
    client.force_login(make_member_of(member.membership.organisation))
    html = client.get("/de/members-area/our-events/").content.decode()
    assert "Interne Planung" not in html
    assert (
        "Interne Planung" in client_of(member).get("/de/members-area/our-events/").content.decode()
    )


def test_anonymous_visitor_does_not_see_a_proposal(client, member):
    proposal = make_event_proposal(member)
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == 302


def test_picture_goes_to_the_library_with_its_description(client, member):
    client.force_login(member)
    picture = image_file(name="plakat.png")
    client.post(PROPOSE, proposal_form(image_file=picture, image_alt="Афиша вечера"))
    image = Event.objects.get().image
    assert image.alt_ru == image.alt_de == "Афиша вечера"


def test_picture_without_a_description_is_refused(client, member):
    client.force_login(member)
    response = client.post(PROPOSE, proposal_form(image_file=image_file()))
    assert response.context["form"].errors["image_alt"]
    assert not Event.objects.exists()


def test_file_that_is_no_picture_is_refused(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("plakat.jpg", b"MZ\x90\x00 not a picture", content_type="image/jpeg")
    response = client.post(PROPOSE, proposal_form(image_file=fake, image_alt="Afisha"))
    assert response.context["form"].errors["image_file"]
    assert not Event.objects.exists()


def test_proposal_is_in_the_persons_data_download(member):
    proposal = make_event_proposal(member, title_de="Lesung")
    proposal.place = "Stadtbibliothek"
    assert proposal.personal_data() | {"sent": None} == {
        "kind": "Veranstaltungsvorschlag",
        "organisation": str(member.membership.organisation),
        "sent": None,
        "status": "Wartet auf die Geschäftsstelle",
        "office_comment": "",
        "event": "Lesung",
        "place": "Stadtbibliothek",
    }
