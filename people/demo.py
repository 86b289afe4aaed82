"""Demo content for the people app: the board, team and working groups the association's
own pages name, linked to the member organisations loaded before."""

import datetime

from core.demo import read_json, translated_fields
from members.models import MemberOrganisation

from .models import BoardMembership, Person, TeamPosition, WorkingGroup


def load():
    created = 0
    organisations = MemberOrganisation.objects.in_bulk(field_name="slug")
    people = read_json(__file__, "people.json")

    def person(data):
        nonlocal created
        found, is_new = Person.objects.get_or_create(
            first_name=data["first_name"],
            last_name=data["last_name"],
            defaults={
                "title": data.get("title", ""),
                "organisation": organisations.get(data.get("organisation")),
            },
        )
        created += is_new
        return found

    for board in people["boards"]:
        for member in board["members"]:
            _membership, is_new = BoardMembership.objects.get_or_create(
                person=person(member),
                term_start=datetime.date.fromisoformat(board["term_start"]),
                defaults={"term_end": datetime.date.fromisoformat(board["term_end"])},
            )
            created += is_new

    for order, data in enumerate(people["team"], start=1):
        _position, is_new = TeamPosition.objects.get_or_create(
            person=person(data),
            defaults={"order": order, **translated_fields(data, ["job_title", "project"])},
        )
        created += is_new

    for order, data in enumerate(read_json(__file__, "working_groups.json"), start=1):
        _group, is_new = WorkingGroup.objects.get_or_create(
            slug=data["slug"],
            defaults={"order": order, **translated_fields(data, ["name", "purpose"])},
        )
        created += is_new
    return created
