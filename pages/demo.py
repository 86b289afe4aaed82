"""Demo content for the pages app: association data, the fixed pages, the principles."""

from core.demo import read_json, translated_fields

from .models import Association, OpeningHours, Page, Principle

PAGE_FIELDS = ("title", "lead", "body")
ASSOCIATION_FIELDS = ("opening_note", "directions", "funders_line")


def load():
    content = read_json(__file__, "content.json")
    created = 0

    data = content["association"]
    plain = {
        key: value
        for key, value in data.items()
        if key not in ASSOCIATION_FIELDS and key != "opening_hours"
    }
    association, is_new = Association.objects.get_or_create(
        name=plain.pop("name"), defaults={**plain, **translated_fields(data, ASSOCIATION_FIELDS)}
    )
    created += is_new
    if is_new:
        for hours in data["opening_hours"]:
            OpeningHours.objects.create(association=association, **hours)

    # The accessibility statement and the easy-to-read page keep their texts apart.
    pages = content["pages"] | read_json(__file__, "accessibility.json")["pages"]
    for key, page in pages.items():
        _page, is_new = Page.objects.get_or_create(
            key=key, defaults=translated_fields(page, PAGE_FIELDS)
        )
        created += is_new

    if not Principle.objects.exists():
        for order, texts in enumerate(content["principles"], start=1):
            Principle.objects.create(order=order, **translated_fields({"text": texts}, ["text"]))
            created += 1
    return created
