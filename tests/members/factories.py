import datetime
import itertools

from django.utils import timezone

from members.models import (
    BoardMembership,
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
    Person,
    TeamPosition,
    WorkingGroup,
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


def make_person(first_name="Amina", last_name="Yusuf", **overrides):
    return Person.objects.create(first_name=first_name, last_name=last_name, **overrides)


def make_board_membership(person=None, years_ago=0, **overrides):
    """A two-year term that covers today, or one that ended ``years_ago`` years before."""
    start = timezone.localdate() - datetime.timedelta(days=365 * (1 + 2 * years_ago))
    fields = {
        "person": person or make_person(),
        "term_start": start,
        "term_end": start + datetime.timedelta(days=729),
    }
    return BoardMembership.objects.create(**(fields | overrides))


def make_team_position(person=None, **overrides):
    fields = {
        "person": person or make_person(),
        "job_title_de": "Büroleitung",
        "project_de": "",
    }
    return TeamPosition.objects.create(**(fields | overrides))


def make_working_group(name="Finanzen", **overrides):
    fields = {"name_de": name, "slug": name.lower(), "purpose_de": "Kümmert sich um die Finanzen."}
    return WorkingGroup.objects.create(**(fields | overrides))
