"""No lost update: a change form saves only over the version its editor started from.

A change form carries, signed, a fingerprint of the item as stored when the
form was shown: a short hash per field the form can change (each language
column on its own), per many-to-many field and per inline's rows, and the
time. Saving compares it with the item as stored now, read under a lock in the
save's transaction (``ContentAdmin.get_object``). If anything changed in
between (another editor, another tab, an import, the shell), nothing is saved:
the form comes back with everything the editor typed, says which fields
changed and who saved them when (django-reversion's history), and offers to
open the current version or to save anyway. The stored row is its own version
number, so no model needs a column or a migration for this.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

TOKEN_FIELD = "_stored_version"
SAVE_ANYWAY_FIELD = "_save_anyway"


@dataclass(frozen=True)
class InlineRows:
    """The rows an inline edits on the same form: its model, its link to the item, its fields."""

    key: str
    label: str
    model: type
    fk_name: str
    field_names: tuple


def _digest(values):
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def _stored_value(instance, name):
    model_field = instance._meta.get_field(name)
    if model_field.many_to_many:
        return list(getattr(instance, name).order_by("pk").values_list("pk", flat=True))
    value = model_field.value_from_object(instance)
    if value is None:
        # An empty form field saves a missing translation as "" instead of NULL: the same text.
        return ""
    if isinstance(value, datetime | time):
        # The admin shows and saves times to the second.
        return value.replace(microsecond=0).isoformat()
    # Translated fields come here by their language column (title_de, title_ar), never
    # by the bare name, whose value would depend on the admin's language.
    return model_field.value_to_string(instance)


def model_field_names(model, form_fields):
    """The names among ``form_fields`` that are the model's own columns or many-to-many fields."""
    opts = model._meta
    names = {model_field.name for model_field in [*opts.concrete_fields, *opts.many_to_many]}
    return tuple(name for name in form_fields if name in names)


def fingerprint(instance, field_names, inlines=()):
    """``{name: hash}`` of ``instance``'s fields and of each inline's rows, as stored."""
    hashes = {name: _digest(_stored_value(instance, name)) for name in field_names}
    for inline in inlines:
        rows = inline.model._default_manager.filter(**{inline.fk_name: instance.pk}).order_by("pk")
        hashes[inline.key] = _digest(
            [(row.pk, [_stored_value(row, name) for name in inline.field_names]) for row in rows]
        )
    return hashes


@dataclass
class Conflict:
    """The labels of what changed since the form was shown, and the history's versions since."""

    fields: list
    versions: list


class StoredVersionForm(forms.ModelForm):
    """The form of every content admin: saves only over the version it was shown with.

    ``ContentAdmin.get_form`` sets ``inlines`` to the inline rows edited on the
    same page. The hidden field and the "save anyway" box are rendered by
    ``templates/admin/change_form.html``, outside the admin's fieldsets.
    """

    inlines = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self._shown = None
        # Taken now: validating writes the typed values into the instance.
        self.stored = None if self.instance._state.adding else self._fingerprint()

    def _fingerprint(self):
        names = model_field_names(self._meta.model, self.fields)
        return fingerprint(self.instance, names, self.inlines)

    @property
    def _salt(self):
        return f"backoffice.conflicts:{self._meta.model._meta.label_lower}:{self.instance.pk}"

    def _label(self, name):
        if name in self.fields:
            return self.fields[name].label
        return next(inline.label for inline in self.inlines if inline.key == name)

    def clean(self):
        cleaned_data = super().clean()
        token = self.data.get(TOKEN_FIELD)
        # Add forms have nothing stored yet; a post without the token (a script) was never shown.
        if self.stored is None or token is None:
            return cleaned_data
        try:
            self._shown = signing.loads(token, salt=self._salt)
        except signing.BadSignature:
            raise ValidationError(
                _("This form cannot be compared with the stored item. Please open the item again."),
                code="unverifiable",
            ) from None
        seen = self._shown.get("seen")
        if seen == self.stored and self.data.get(SAVE_ANYWAY_FIELD):
            return cleaned_data
        started = self._shown["fields"]
        changed = [
            name
            for name, stored in self.stored.items()
            if name in started and started[name] != stored
        ]
        if changed:
            since = datetime.fromtimestamp(self._shown["at"], UTC)
            self.conflict = Conflict(
                fields=[self._label(name) for name in changed],
                versions=list(
                    Version.objects.get_for_object(self.instance)
                    .filter(revision__date_created__gte=since)
                    .select_related("revision__user")
                    .order_by("revision__date_created")
                ),
            )
            raise ValidationError(
                _(
                    "Someone else saved this item after you opened it. Nothing was saved: "
                    "what you typed is still in the form below."
                ),
                code="conflict",
            )
        return cleaned_data

    @cached_property
    def version_token(self):
        """The hidden field's value: what this form was shown with (and, after a conflict,
        the stored version the editor was told about, which "save anyway" may replace)."""
        if self.stored is None:
            return ""
        if self._shown is None:
            payload = {"fields": self.stored, "at": timezone.now().timestamp()}
        elif self.conflict:
            payload = {**self._shown, "seen": self.stored}
        else:
            payload = self._shown
        return signing.dumps(payload, salt=self._salt, compress=True)
