import datetime
import itertools

from django.utils import timezone

from projects.models import Funder, Project

_numbers = itertools.count(1)


def make_funder(**overrides):
    number = next(_numbers)
    fields = {
        "name_de": f"Stiftung {number}",
        "name_en": f"Foundation {number}",
        "link": f"https://funder-{number}.example/",
    }
    return Funder.objects.create(**(fields | overrides))


def make_project(**overrides):
    """A published project that started a year ago and has no end; each gets its own slug."""
    number = next(_numbers)
    fields = {
        "slug": f"project-{number}",
        "title_de": f"Projekt {number}",
        "title_en": f"Project {number}",
        "summary_de": f"Kurzbeschreibung von Projekt {number}.",
        "summary_en": f"Summary of project {number}.",
        "body_de": f"<p>Beschreibung von Projekt {number}.</p>",
        "start": timezone.localdate() - datetime.timedelta(days=365),
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    return Project.objects.create(**(fields | overrides))


def make_finished_project(**overrides):
    today = timezone.localdate()
    return make_project(
        start=today - datetime.timedelta(days=800),
        end=today - datetime.timedelta(days=30),
        **overrides,
    )


def make_many_projects(count, finished=False):
    """``count`` published projects with two funders each, in a fixed number of queries."""
    today = timezone.localdate()
    end = today - datetime.timedelta(days=1) if finished else None
    projects = Project.objects.bulk_create(
        Project(
            slug=f"bulk-{'finished' if finished else 'current'}-{number}",
            title_de=f"Projekt {number}",
            summary_de="Kurz.",
            start=today - datetime.timedelta(days=400 + number),
            end=end,
            is_published=True,
            published_at=timezone.now() - datetime.timedelta(days=1),
        )
        for number in range(count)
    )
    funders = [make_funder(), make_funder()]
    Project.funders.through.objects.bulk_create(
        Project.funders.through(project=project, funder=funder)
        for project in projects
        for funder in funders
    )
    return projects
