import datetime

from pages.models import Association, OpeningHours, Page


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
