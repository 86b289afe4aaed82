"""History for every content model, however it is changed, read in each editor's language.

``ContentAdmin`` registers its model with django-reversion, following the
admin's inlines. Content models without an admin of their own (edited inline,
or only by imports and the demo loader) are registered here, found by type.

Every content object has a first version however it was made: the admin, an
import and the accept action save inside a revision; anything else (the demo
loader, the shell) is recorded by ``record_first_version`` when its
transaction commits.

Revision comments are stored in no language: the admin's own change messages
as Django's JSON, and the project's own comments as ``history_note``. The
history pages show them with ``comment_in_language``, so everyone reads them
in their own admin language.
"""

import functools
import json
from collections import defaultdict

import reversion
from django.contrib.admin.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop, override

from core.apps import content_models

CREATED = gettext_noop("Created")


def register_content_history():
    for model in content_models():
        if not reversion.is_registered(model):
            reversion.register(model)
        post_save.connect(record_first_version, sender=model, dispatch_uid="first-version")


def history_note(message, **values):
    """A revision comment in no language: the English message id (marked with
    ``gettext_noop``) and its ``%(name)s`` values; dates are shown in the reader's
    time zone and format."""
    return json.dumps({"note": message, "values": values}, cls=DjangoJSONEncoder)


def comment_in_language(comment):
    """A revision's comment in the active language.

    Plain text (comments from before they were stored in no language) stays as written.
    """
    try:
        stored = json.loads(comment)
    except ValueError:
        return comment
    if isinstance(stored, dict) and "note" in stored:
        values = {name: _shown(value) for name, value in stored.get("values", {}).items()}
        return gettext(stored["note"]) % values
    if isinstance(stored, list) and all(isinstance(part, dict) for part in stored):
        for part in stored:
            for change in part.values():
                if "fields" in change:
                    change["fields"] = [_field_label(label) for label in change["fields"]]
        return LogEntry(change_message=json.dumps(stored)).get_change_message()
    return comment


def _shown(value):
    moment = parse_datetime(value) if isinstance(value, str) else None
    return formats.localize(timezone.localtime(moment)) if moment else value


@functools.cache
def _content_field_names():
    """Each content field's verbose name, by the label Django's change messages store.

    Django stores a changed field's form label untranslated, capitalised ("Text [ar]"),
    which is no message id of ours ("text" is): shown as stored, it stays English.
    """
    with override(None):
        return {
            capfirst(str(field.verbose_name)): field.verbose_name
            for model in content_models()
            for field in [*model._meta.fields, *model._meta.many_to_many]
        }


def _field_label(label):
    name = _content_field_names().get(label)
    return capfirst(str(name)) if name is not None else gettext(label)


class FirstVersions:
    """The content objects one transaction created outside any revision.

    When the transaction commits they are recorded together, as they are then,
    many-to-many values included: one revision and a fixed number of queries for
    any number of objects (per model: one for the objects, one per many-to-many
    field, one for reversion's check that they still exist).
    """

    def __init__(self, using):
        self.using = using
        self.created = defaultdict(set)
        self.recorded = False

    def add(self, instance):
        self.created[type(instance)].add(instance.pk)

    def __call__(self):
        # Run callbacks can stay listed (a test runs them without committing): no more adding.
        self.recorded = True
        with reversion.create_revision():
            reversion.set_comment(history_note(CREATED))
            for model, pks in self.created.items():
                many_to_many = [field.name for field in model._meta.many_to_many]
                objects = model._base_manager.using(self.using).filter(pk__in=pks)
                for obj in objects.prefetch_related(*many_to_many):
                    reversion.add_to_revision(obj, model_db=self.using)


def record_first_version(sender, instance, created, raw, using, **kwargs):
    """Signal receiver: a content object created outside a revision gets its first
    version when its transaction commits (inside one, the revision already has it).

    Raw saves put back stored data, as reversion does when it recovers a deleted
    object: they are no new object, and the recovery makes its own version.
    """
    if not created or raw or reversion.is_active():
        return
    # The transaction's waiting callbacks; one rolled back with a savepoint is gone.
    pending = transaction.get_connection(using).run_on_commit
    waiting = next(
        (
            callback
            for _savepoints, callback, *_robust in pending
            if isinstance(callback, FirstVersions) and not callback.recorded
        ),
        None,
    )
    batch = waiting or FirstVersions(using)
    batch.add(instance)
    if waiting is None:
        # Outside a transaction this records at once: the object must be in it by then.
        transaction.on_commit(batch, using=using)
