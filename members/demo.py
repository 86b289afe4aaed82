"""Demo content for the members app: the organisations the association's own pages
name, and five meeting points marked as example data."""

from core.demo import read_json, translated_fields

from .models import District, FocusArea, Language, MeetingPoint, MemberOrganisation

ORGANISATION_FIELDS = ("slug", "name", "short_name", "street", "postcode", "phone", "email")
POSITION_FIELDS = ("latitude", "longitude")


def load():
    created = 0
    districts = {}
    for data in read_json(__file__, "districts.json"):
        district, is_new = District.objects.get_or_create(
            slug=data["slug"], defaults=translated_fields(data, ["name"])
        )
        if is_new and "part_of" in data:
            district.part_of = districts[data["part_of"]]
            district.save()
        districts[district.slug] = district
        created += is_new

    focus_areas = {}
    for data in read_json(__file__, "focus_areas.json"):
        focus_areas[data["slug"]], is_new = FocusArea.objects.get_or_create(
            slug=data["slug"], defaults=translated_fields(data, ["name"])
        )
        created += is_new

    languages = {}
    for data in read_json(__file__, "languages.json"):
        languages[data["code"]], is_new = Language.objects.get_or_create(
            code=data["code"],
            defaults={"endonym": data["endonym"], **translated_fields(data, ["name"])},
        )
        created += is_new

    for data in read_json(__file__, "organisations.json"):
        defaults = {
            key: data[key] for key in (*ORGANISATION_FIELDS, *POSITION_FIELDS) if key in data
        }
        defaults["district"] = districts.get(data.get("district"))
        organisation, is_new = MemberOrganisation.objects.get_or_create(
            slug=data["slug"], defaults=defaults | translated_fields(data, ["description"])
        )
        if is_new:
            organisation.focus_areas.set(focus_areas[slug] for slug in data["focus_areas"])
            organisation.languages.set(languages[code] for code in data["languages"])
        created += is_new

    for data in read_json(__file__, "meeting_points.json"):
        _point, is_new = MeetingPoint.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "district": districts[data["district"]],
                "order": data["order"],
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                # The association's pages name no details: the office replaces these.
                "is_example": True,
                **translated_fields(data, ["name", "opening_times", "offers"]),
            },
        )
        created += is_new

    return created
