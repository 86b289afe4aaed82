"""Protection shared by every public form: a honeypot and a per-address rate limit."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 60 * 60


class SpamProtectedForm(forms.Form):
    """Mix into a public form: ``class ContactForm(SpamProtectedForm, forms.ModelForm)``.

    ``rate_scope`` names the form, so each form has its own limit. The view
    passes the client address as ``client_address``.
    """

    rate_scope = "form"

    # Hidden from people (CSS and aria-hidden), filled in by bots.
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

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Your message looks like spam and was not sent."), code="honeypot"
            )
        if self.errors:
            return cleaned_data
        key = self._rate_key()
        cache.add(key, 0, RATE_WINDOW_SECONDS)
        if cache.incr(key) > RATE_LIMIT:
            raise forms.ValidationError(
                _("You have sent this form too often. Please try again in an hour."),
                code="rate_limit",
            )
        return cleaned_data


def client_address(request):
    """The visitor's address as the server sees it (the proxy's, unless configured)."""
    return request.META.get("REMOTE_ADDR", "")
