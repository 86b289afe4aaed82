import datetime
import itertools

from pages.models import Association, ContactMessage, OpeningHours, Page, Principle
from tests.languages import LANGUAGE_CODES, in_languages

_numbers = itertools.count(1)

# What a visitor types into the contact form.
CONTACT_FORM = {
    "name": "Amina Yusuf",
    "email": "amina@example.org",
    "subject": "Frage zur Mitgliedschaft",
    "message": "Wie kann unser Verein Mitglied werden?",
}


def make_association(**overrides):
    fields = {
        "name": "MiSO-Netzwerk Hannover e.V.",
        "short_name": "MiSO",
        "founded": datetime.date(2012, 5, 3),
        "street": "Mengendamm 12",
        "postcode": "30177",
        "city": "Hannover",
        "phone": "0511 54571952",
        "email": "info@miso-netzwerk.de",
        "register_court": "Amtsgericht Hannover",
        "opening_note_de": "und nach Vereinbarung",
        "opening_note_en": "and by appointment",
    }
    association = Association.objects.create(**(fields | overrides))
    OpeningHours.objects.create(
        association=association,
        first_day=0,
        last_day=3,
        opens=datetime.time(9),
        closes=datetime.time(17),
    )
    return association


def make_page(key, **overrides):
    fields = {
        "title_de": f"Seite {key}",
        "title_en": f"Page {key}",
        "title_ar": f"صفحة {key}",
        "body_de": f"<p>Text der Seite {key}</p>",
    }
    return Page.objects.create(key=key, **(fields | overrides))


def make_site_pages():
    """The association and every fixed page, as a fresh site has them."""
    association = make_association()
    pages = {key: make_page(key) for key in Page.Key.values}
    return association, pages


def make_principle(languages=LANGUAGE_CODES, text=None, **overrides):
    """A principle translated into ``languages`` (German always included)."""
    number = next(_numbers)
    text = text or f"Principle {number}"
    fields = {"order": number, **in_languages("text", text, {"de", *languages})}
    return Principle.objects.create(**(fields | overrides))


def make_contact_message(**overrides):
    """A message sent through the contact form, with the office already emailed."""
    fields = CONTACT_FORM | {"language": "de", "office_notified": True}
    return ContactMessage.objects.create(**(fields | overrides))


def make_many_principles(count):
    """``count`` principles in German, created in one query."""
    return Principle.objects.bulk_create(
        Principle(order=number, text_de=f"Grundsatz {number}") for number in range(count)
    )
