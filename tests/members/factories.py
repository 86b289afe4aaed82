import itertools

from django.contrib.auth.models import Group

from core.models import MEMBERS_GROUP
from members.models import (
    District,
    FocusArea,
    Language,
    MeetingPoint,
    MemberOrganisation,
    MembershipApplication,
)

_numbers = itertools.count(1)

# What an organisation types into the membership application form.
APPLICATION_FORM = {
    "organisation_name": "Afrikanischer Dachverband Norddeutschland",
    "contact_name": "Bakari Tangara",
    "email": "kontakt@example.org",
    "phone": "0511 123456",
    "activities": "Wir vernetzen afrikanische Vereine in Norddeutschland.",
    "accepts_principles": "on",
}


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


def make_application(language="de", **overrides):
    """A membership application as the form stores it, in the applicant's language."""
    fields = APPLICATION_FORM | {"accepts_principles": True, "language": language}
    return MembershipApplication.objects.create(**(fields | overrides))


def make_member(django_user_model, username="member"):
    """A logged-in member of a member organisation, as the office sets one up."""
    user = django_user_model.objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    return user
