"""Site search on SQLite: an FTS5 full-text index kept beside the content.

SQLite's own ``LIKE`` folds only ASCII letters: "Праздник" would not find
"праздник". The index (``search_index``, a virtual table that migration
``search.0001_sqlite_index`` makes on SQLite only) holds one row per object
and language with what a visitor reading that language searches: the
language's own text, then German's, then the untranslated fields, without
markup. The title has its own column and weighs ten times the rest in the
``bm25()`` ranking. Text is folded the same way before it is indexed and before
it is searched (``folded``), and the ``unicode61`` tokenizer folds case.

A row's rowid says whose text it is: the kind, the language and the object's
primary key, in that order of bits. One search reads one range of rowids (its
kind and language) and joins the objects by rowid, without reading the stored
text: FTS5 skips the other kinds and languages in its lists of matches.

The rows follow every save and delete of a registered model (``register``
connects the signals): the admin, imports, reverting a version and the demo
loader all save. Whatever bypasses ``save()`` (``bulk_create``,
``QuerySet.update()``, raw SQL) must be followed by
``manage.py rebuild_search_index``; ``migrate`` rebuilds the index whenever it
applied a migration, as columns or languages may have changed.
"""

import functools
import html
import re
import unicodedata
import zlib

from django.conf import settings
from django.db import connections, transaction
from django.db.models import FloatField, Value
from django.db.models.expressions import RawSQL

from core.fields import RichTextField

TABLE = "search_index"
# A match in the title ranks above a match only in the text, whatever the rest: 1 for
# the title, plus the relevance within its group. bm25() is lower for better matches and
# weighs each word by the whole index (a word found in nearly every row counts for next to
# nothing), so on its own it cannot promise that; here it is brought into [0, 1).
BM25 = f"-bm25({TABLE}, 10.0, 1.0)"
# The rows whose title matches are found by one query that SQLite runs once, not once per
# matching row: a subquery that named the outer row searched the whole index for each.
RANK = (
    f"({TABLE}.rowid IN (SELECT rowid FROM {TABLE}"
    f" WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s))"
    f" + {BM25} / (1 + {BM25})"
)
INSERT = f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)"
BATCH = 1000
# The rowid's bits, from the top: kind, language, primary key; 62 in all, as rowids are
# signed 64-bit integers.
KIND_BITS, LANGUAGE_BITS, KEY_BITS = 22, 6, 34
LARGEST_KEY = (1 << KEY_BITS) - 1

# Letters that Cyrillic alphabets count as letters of their own (й, ў, ї); PostgreSQL's
# unaccent keeps them too. Every other mark is an accent: ё is searched as е.
OWN_LETTERS = re.compile("[иу]\u0306|\u0456\u0308")  # й ў, and Ukrainian ї
# Letters whose accent is part of the letter, written as unaccent writes them.
WITHOUT_STROKE = {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"}
TAG = re.compile(r"<[^>]*>")


def kind_number(kind):
    """A number for ``kind``, the same in every process and release (``register`` checks
    that no two kinds share one)."""
    return zlib.crc32(kind.encode()) % (1 << KIND_BITS)


def first_rowid(kind, language):
    """The first rowid of the rows of ``kind`` in ``language``; each adds its primary key."""
    codes = [code for code, _name in settings.LANGUAGES]
    return (kind_number(kind) << LANGUAGE_BITS | codes.index(language)) << KEY_BITS


def rowid(kind, language, pk):
    if not 0 <= pk <= LARGEST_KEY:
        raise ValueError(f"The search index holds primary keys up to {LARGEST_KEY}, not {pk}.")
    return first_rowid(kind, language) + pk


@functools.cache
def _accents_removed():
    """A ``str.translate`` table that drops every combining mark: accents, umlaut dots,
    the Greek tonos, Arabic vowel signs and hamza."""
    table = str.maketrans(WITHOUT_STROKE)
    for code in [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]:
        if unicodedata.category(chr(code)) == "Mn":
            table[code] = None
    return table


def folded(text):
    """``text`` as it is indexed and searched: without case and accents, in every script,
    and with compatibility forms (ligatures, Arabic presentation forms) as plain letters."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = OWN_LETTERS.sub(lambda letter: unicodedata.normalize("NFC", letter[0]), text)
    return unicodedata.normalize("NFC", text.translate(_accents_removed()))


def quoted(text):
    """``text`` as an FTS5 string, in which every character is text, never query syntax."""
    return '"' + text.replace('"', '""') + '"'


def typed_words(text):
    """Each word of ``text`` as the start of a word: ``"kulturaus"*``."""
    # Control characters part words, as they do in PostgreSQL's search (and NUL would end
    # an FTS5 string).
    text = "".join(char if char.isprintable() else " " for char in text)
    return [
        f"{quoted(word)}*" for word in folded(text).split() if any(map(is_word_character, word))
    ]


def is_word_character(char):
    """Is ``char`` part of a word for the unicode61 tokenizer (a letter, a digit, private use)?

    Anything else only separates words; a "word" of nothing else would match nothing.
    """
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def is_used(using):
    """Does the database ``using`` search through this index?"""
    return connections[using].vendor == "sqlite"


def matching(queryset, text, searchable, language):
    """``queryset`` narrowed to what matches ``text`` for a visitor reading ``language``."""
    words = typed_words(text)
    if not words:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    first = first_rowid(searchable.kind, language)
    # The index is joined as a second table: only in a join does bm25() know the row it
    # ranks, and Django joins a table without a relation only through extra().
    return (
        queryset.extra(
            tables=[TABLE],
            where=[f"{TABLE} MATCH %s", f"{TABLE}.rowid BETWEEN %s AND %s"],
            params=[" ".join(words), first, first + LARGEST_KEY],
        )
        .filter(pk=RawSQL(f"{TABLE}.rowid - %s", (first,)))
        .annotate(
            search_rank=RawSQL(
                RANK,
                (f"title : ({' '.join(words)})", first, first + LARGEST_KEY),
                output_field=FloatField(),
            )
        )
    )


class Layout:
    """Which columns of a searchable model go into which row and column of the index."""

    def __init__(self, searchable):
        self.kind = searchable.kind
        self.rows = {code: searchable.searched_columns(code) for code, _name in settings.LANGUAGES}
        self.columns = list(
            dict.fromkeys(
                column for title, others in self.rows.values() for column in [*title, *others]
            )
        )
        self.rich = {
            column
            for column in self.columns
            if isinstance(searchable.model._meta.get_field(column), RichTextField)
        }

    def text(self, value, column):
        text = "" if value is None else str(value)
        if column in self.rich:
            text = html.unescape(TAG.sub(" ", text))
        return folded(text)

    def rowids(self, pk):
        return [rowid(self.kind, code, pk) for code in self.rows]

    def entries(self, pk, read):
        """The index rows of one object; ``read(column)`` gives a column's value."""
        texts = {column: self.text(read(column), column) for column in self.columns}
        for code, (title, others) in self.rows.items():
            yield (
                rowid(self.kind, code, pk),
                " ".join(texts[column] for column in title),
                " ".join(texts[column] for column in others),
            )


def _delete_rows(cursor, rowids):
    cursor.execute(
        f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(rowids))})", rowids
    )


def index_object(searchable, obj, using):
    """Replace the index rows of ``obj`` with its text as it is now."""
    layout = Layout(searchable)
    # Each language column is read as it is stored, never through the fallback.
    rows = list(layout.entries(obj.pk, lambda column: getattr(obj, column)))
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        _delete_rows(cursor, layout.rowids(obj.pk))
        cursor.executemany(INSERT, rows)


def remove_object(searchable, pk, using):
    with connections[using].cursor() as cursor:
        _delete_rows(cursor, Layout(searchable).rowids(pk))


def exists(using):
    """Has the migration made the index in the database ``using``?"""
    return TABLE in connections[using].introspection.table_names()


def rebuild(searchables, using):
    """Write the whole index afresh from the tables; returns the number of objects indexed."""
    indexed = 0
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        # Made anew from the definition its migration gave it: FTS5 takes each row's words
        # out one by one on DELETE, which takes longer than writing them all.
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        (definition,) = cursor.fetchone()
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(definition)
        for searchable in searchables:
            layout = Layout(searchable)
            rows = searchable.model._base_manager.using(using).values_list("pk", *layout.columns)
            batch = []
            for pk, *values in rows.iterator(chunk_size=BATCH):
                batch.extend(layout.entries(pk, dict(zip(layout.columns, values, strict=True)).get))
                indexed += 1
                if len(batch) >= BATCH:
                    cursor.executemany(INSERT, batch)
                    batch = []
            cursor.executemany(INSERT, batch)
        # Merges the index into one b-tree: smaller, and faster to search.
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    return indexed
