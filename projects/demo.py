"""Demo content for the projects app: the three projects the network runs, with their funders.

Contact people come from the members app's demo team and are left out when
they are not there.
"""

import datetime

from django.utils import timezone

from core.demo import read_json, translated_fields
from people.models import Person

from .models import Funder, Project

PROJECT_FIELDS = ("title", "summary", "body")


def load():
    content = read_json(__file__, "projects.json")
    created = 0

    funders = {}
    for data in content["funders"]:
        funder, is_new = Funder.objects.get_or_create(
            name_de=data["name"]["de"],
            defaults={"link": data["link"], **translated_fields(data, ["name"])},
        )
        funders[data["key"]] = funder
        created += is_new

    for data in content["projects"]:
        project, is_new = Project.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "start": datetime.date.fromisoformat(data["start"]),
                "is_published": True,
                "published_at": timezone.now(),
                **translated_fields(data, PROJECT_FIELDS),
            },
        )
        if not is_new:
            continue
        created += 1
        project.funders.set(funders[key] for key in data["funders"])
        for first_name, last_name in data["contacts"]:
            project.contacts.add(*Person.objects.filter(first_name=first_name, last_name=last_name))
    return created
