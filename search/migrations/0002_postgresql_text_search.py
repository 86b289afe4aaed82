"""Accent-insensitive full-text search on PostgreSQL (see search/postgresql.py).

For each language a text search configuration that takes the accents off words
with the ``unaccent`` extension, then stems them as the language's own
configuration does: "cafe" finds "Café", "UBER" finds "über". Creating the
extension needs a superuser (or a database owner, as it is a trusted extension
from PostgreSQL 13 on). SQLite gets nothing here.
"""

from django.db import migrations

# Our configuration, the one it copies and the dictionary that stems after unaccent.
CONFIGURATIONS = [
    ("search_german", "german", "german_stem"),
    ("search_english", "english", "english_stem"),
    ("search_french", "french", "french_stem"),
    ("search_spanish", "spanish", "spanish_stem"),
    ("search_russian", "russian", "russian_stem"),
    ("search_arabic", "arabic", "arabic_stem"),
    ("search_simple", "simple", "simple"),
]
# The parser's word types that can hold letters with accents (asciiword cannot).
WORD_TYPES = "word, hword, hword_part"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, copied, stemmer in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {copied})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR {WORD_TYPES} WITH unaccent, {stemmer}"
        )


def drop_configurations(apps, schema_editor):
    # The extension stays: something else may have come to use it.
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _copied, _stemmer in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_sqlite_index")]

    operations = [
        migrations.RunPython(create_configurations, drop_configurations, elidable=False),
    ]
