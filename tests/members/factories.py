import itertools

from members.models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
)

_numbers = itertools.count(1)


def make_district(name="Linden-Nord", **overrides):
    fields = {"name_de": name, "slug": name.lower()}
    return District.objects.create(**(fields | overrides))


def make_focus_area(name="Bildung", **overrides):
    fields = {"name_de": name, "slug": name.lower()}
    return FocusArea.objects.create(**(fields | overrides))


def make_language(code="el", name="Griechisch", endonym="Ελληνικά", **overrides):
    fields = {"code": code, "name_de": name, "endonym": endonym}
    return Language.objects.create(**(fields | overrides))


def make_organisation(name=None, focus_areas=(), languages=(), **overrides):
    number = next(_numbers)
    name = name or f"Verein {number}"
    fields = {
        "name": name,
        "slug": f"verein-{number}",
        "description_de": f"<p>{name} arbeitet in Hannover.</p>",
    }
    organisation = MemberOrganisation.objects.create(**(fields | overrides))
    organisation.focus_areas.set(focus_areas)
    organisation.languages.set(languages)
    return organisation


def make_many_organisations(count, district, focus_area, language):
    """``count`` organisations, each with a district, a focus area and a language."""
    first = next(_numbers)
    organisations = MemberOrganisation.objects.bulk_create(
        MemberOrganisation(
            name=f"Verein {first + i:04}",
            slug=f"verein-{first + i}",
            description_de="<p>Ein Verein.</p>",
            district=district,
            latitude="52.37",
            longitude="9.73",
        )
        for i in range(count)
    )
    MemberOrganisation.focus_areas.through.objects.bulk_create(
        MemberOrganisation.focus_areas.through(
            memberorganisation_id=o.pk, focusarea_id=focus_area.pk
        )
        for o in organisations
    )
    MemberOrganisation.languages.through.objects.bulk_create(
        MemberOrganisation.languages.through(memberorganisation_id=o.pk, language_id=language.pk)
        for o in organisations
    )
    return organisations


def make_meeting_point(name="Treffpunkt Linden", **overrides):
    number = next(_numbers)
    fields = {"name_de": name, "slug": f"treffpunkt-{number}"}
    return MeetingPoint.objects.create(**(fields | overrides))
