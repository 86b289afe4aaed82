from django.apps import AppConfig
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    """The one site search. Each app declares what of it is searchable in its own
    ``searchable.py``, found here the way the admin finds ``admin.py``."""

    name = "search"

    def ready(self):
        autodiscover_modules("searchable")
        post_migrate.connect(
            rebuild_index_after_migrating, sender=self, dispatch_uid="search-rebuild-index"
        )


def rebuild_index_after_migrating(sender, using, plan=None, **kwargs):
    """After ``migrate`` applied anything, write the SQLite index afresh: the migration
    may have made it, or changed the searched columns or the languages."""
    from . import sqlite_index
    from .registry import searchables

    applied = any(not backwards for _migration, backwards in plan or [])
    if not (applied and sqlite_index.is_used(using) and sqlite_index.exists(using)):
        return
    # Only once every migration is applied do the tables have the columns the models read.
    executor = MigrationExecutor(connections[using])
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        sqlite_index.rebuild(searchables().values(), using)
