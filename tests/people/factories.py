import datetime

from django.utils import timezone

from people.models import BoardMembership, Person, TeamPosition, WorkingGroup


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
