"""What every public form shares: a honeypot, a per-address rate limit, an error summary,
and a phone number field that takes only what can be dialled."""

import re
import unicodedata

from django import forms
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 60 * 60


# While the shared cache fails (core/redis_cache.py), each process counts on its own:
# a looser limit than one for the whole site, but still a limit.
_local_attempts = LocMemCache("rate-limits", {})


def count_attempt(key):
    """Count one more attempt under ``key``; return how many were made within the window."""
    try:
        cache.add(key, 0, RATE_WINDOW_SECONDS)
        return cache.incr(key)
    except ValueError:
        # The shared cache answers as if the counter were missing: it failed.
        _local_attempts.add(key, 0, RATE_WINDOW_SECONDS)
        return _local_attempts.incr(key)


class SpamProtectedForm(forms.Form):
    """Mix into a public form: ``class ContactForm(SpamProtectedForm, forms.ModelForm)``.

    ``rate_scope`` names the form, so each form has its own limit. The view
    passes the client address as ``client_address``.
    """

    rate_scope = "form"
    # templates/includes/form.html shows the errors of a sent form in a summary above it.
    has_error_summary = True

    # Not shown to people (display: none, so no browser fills it in either); bots fill it in.
    # templates/includes/form.html hides the field of this name; other forms may have a "website".
    honeypot_field = "website"
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, client_address="", **kwargs):
        self.client_address = client_address
        super().__init__(*args, **kwargs)

    def _rate_key(self):
        return f"rate-limit:{self.rate_scope}:{self.client_address}"

    @property
    def is_from_bot(self):
        """Was the hidden field filled in? The view then thanks the sender and keeps nothing."""
        return bool(self.cleaned_data.get("website"))

    def clean(self):
        cleaned_data = super().clean()
        if self.errors or self.is_from_bot:
            return cleaned_data
        if count_attempt(self._rate_key()) > RATE_LIMIT:
            raise forms.ValidationError(
                _("You have sent this form too often. Please try again in an hour."),
                code="rate_limit",
            )
        return cleaned_data

    def error_summary(self):
        """The errors of every field the visitor sees, each with the id of the field to link to.

        Errors not tied to a field come first, without a link.
        """
        summary = [{"id": None, "label": "", "message": error} for error in self.non_field_errors()]
        for field in self.visible_fields():
            if field.name == "website":
                continue
            summary += [
                # A label written as a sentence ("We agree.") loses its full stop before the colon.
                {"id": field.id_for_label, "label": str(field.label).rstrip(".:"), "message": error}
                for error in field.errors
            ]
        return summary


class TelInput(forms.TextInput):
    input_type = "tel"


# Digits in any script, spaces and + ( ) / - . as people write numbers; at least five digits.
PHONE_NUMBER = re.compile(r"\+?[\d\s()./-]+")
PHONE_MIN_DIGITS = 5


class PhoneNumberField(forms.CharField):
    """A phone number: refuses letters, and writes other scripts' digits (٠١٢…) as 0-9,
    so the office can dial what a visitor typed on an Arabic keyboard."""

    widget = TelInput(attrs={"inputmode": "tel", "autocomplete": "tel"})
    default_error_messages = {
        "invalid": _(
            "Please enter a phone number using digits only, for example +49 511 1234567. "
            "Spaces, brackets, + and - are allowed; letters are not."
        ),
    }

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(
            str(unicodedata.decimal(char)) if char.isdecimal() else char for char in value
        )

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        digits = sum(char.isdigit() for char in value)
        if not PHONE_NUMBER.fullmatch(value) or digits < PHONE_MIN_DIGITS:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
