"""The site search's full-text index on SQLite (see search/sqlite_index.py).

One row per object and language; its rowid names the kind, the language and
the object. PostgreSQL searches the content tables themselves and gets nothing
here. The index is filled after ``migrate`` (``search.apps``) and by
``rebuild_search_index``.
"""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_index")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
