from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from search import sqlite_index
from search.registry import searchables


class Command(BaseCommand):
    help = (
        "Write the site search's index afresh from the content, after changes that bypass "
        "save(): bulk_create, QuerySet.update(), raw SQL. SQLite only: PostgreSQL searches "
        "the content tables themselves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, verbosity, **options):
        if not sqlite_index.is_used(database):
            message = "Nothing to do: this database searches the content tables."
        else:
            indexed = sqlite_index.rebuild(searchables().values(), database)
            message = f"Indexed {indexed} objects."
        if verbosity:
            self.stdout.write(message)
