"""What the site search finds, and the one way text is matched.

Each app registers its searchable models in its own ``searchable.py``: which
items a visitor may find, the translated and plain fields searched, the time
results are sorted by, the field shown under the title and the template of a
result's details. The site search and the member directory's text search both
match through ``Searchable.filter``, so the same words find the same items.

A visitor searches the fields in their own language, then German's (what they
are shown where a translation is missing), and the plain fields. Matching
ignores case and accents in every script, each word may be the start of a
longer one (it is still being typed), and every word must match. Matches carry
``search_rank``: higher is better, a match in the title above one elsewhere.

* On PostgreSQL that is full-text search over the tables themselves, with each
  language's stemming (``search.postgresql``).
* On SQLite it is an FTS5 index kept beside the content (``search.sqlite_index``),
  updated whenever a registered model is saved or deleted.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models.signals import post_delete, post_save
from modeltranslation.utils import build_localized_fieldname, get_language

from . import postgresql, sqlite_index


def searched_languages(language):
    """The languages whose columns a visitor reading ``language`` searches: theirs, then German."""
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def matching(queryset, text, searchable):
    """``queryset`` narrowed to what matches ``text``, annotated with ``search_rank``."""
    language = get_language()  # always one of settings.LANGUAGES
    if connections[queryset.db].vendor == "postgresql":
        return postgresql.matching(queryset, text, searchable, searched_languages(language))
    return sqlite_index.matching(queryset, text, searchable, language)


class Searchable:
    """One kind of result: a model, what of it is searched and how a result shows.

    ``searched(user)`` gives the items ``user`` may find (the queryset the
    model's own lists use); ``translated`` and ``plain`` are the fields matched,
    translated per language or not; ``moment`` is the expression results are
    sorted by, newest first, after relevance (a date as its midnight);
    ``snippet`` the field whose text shows under the title; ``title`` the
    field of the title, which weighs most in the ranking; ``template`` shows a
    result's details (date, place ...) with the object as ``item``; ``shown``
    is the queryset a result is read from. The model needs an integer primary key.
    """

    def __init__(
        self,
        model,
        *,
        kind,
        label,
        searched,
        translated,
        moment,
        template,
        plain=(),
        snippet="",
        title="title",
        shown=None,
    ):
        self.model = model
        self.kind = kind
        self.label = label
        self.searched = searched
        self.translated = list(translated)
        self.plain = list(plain)
        self.moment = moment
        self.template = template
        self.snippet = snippet
        self.title = title
        self.shown = shown if shown is not None else model._default_manager.all()

    def columns(self, language=None):
        """The searched columns as ``(title, others)``: the translated fields' columns of
        ``language``, or without a language the plain fields."""
        if language is None:
            columns = {name: name for name in self.plain}
        else:
            columns = {name: build_localized_fieldname(name, language) for name in self.translated}
        title = [column for name, column in columns.items() if name == self.title]
        others = [column for name, column in columns.items() if name != self.title]
        return title, others

    def searched_columns(self, language):
        """Every column a visitor reading ``language`` searches, as ``(title, others)``."""
        title, others = self.columns()
        for code in reversed(searched_languages(language)):
            code_title, code_others = self.columns(code)
            title, others = code_title + title, code_others + others
        return title, others

    def filter(self, queryset, text):
        """``queryset`` of this model narrowed to what matches ``text``."""
        return matching(queryset, text, self)

    def search(self, text, user):
        return self.filter(self.searched(user), text)


_registry = {}


def register(searchable):
    """Add a kind of result; on SQLite its index rows follow every save and delete."""
    number = sqlite_index.kind_number(searchable.kind)
    for other in _registry.values():
        if other.kind != searchable.kind and sqlite_index.kind_number(other.kind) == number:
            raise ImproperlyConfigured(
                f"The search kinds {other.kind!r} and {searchable.kind!r} share the search "
                "index's number: rename one."
            )
    _registry[searchable.kind] = searchable
    uid = f"search-index-{searchable.model._meta.label}"
    post_save.connect(object_saved, sender=searchable.model, dispatch_uid=uid)
    post_delete.connect(object_deleted, sender=searchable.model, dispatch_uid=uid)


def _searchables_of(model):
    return [searchable for searchable in _registry.values() if searchable.model is model]


def object_saved(sender, instance, using, **kwargs):
    # Admin, imports, the demo loader, reverting a version: everything that saves.
    if sqlite_index.is_used(using):
        for searchable in _searchables_of(sender):
            sqlite_index.index_object(searchable, instance, using)


def object_deleted(sender, instance, using, **kwargs):
    if sqlite_index.is_used(using):
        for searchable in _searchables_of(sender):
            sqlite_index.remove_object(searchable, instance.pk, using)


def searchables():
    """Every registered kind of result, by its kind."""
    return dict(_registry)


def searchable_for(model):
    return _searchables_of(model)[0]
