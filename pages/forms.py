from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SpamProtectedForm

from .models import ContactMessage


class ContactForm(SpamProtectedForm, forms.ModelForm):
    rate_scope = "contact"

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }


class BarrierReportForm(SpamProtectedForm, forms.ModelForm):
    """Reports a barrier on the site; stored like a contact message."""

    rate_scope = "barrier"

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "page_url", "message"]
        labels = {
            "page_url": _("Page concerned (address or title)"),
            "message": _("What did not work for you?"),
        }
        help_texts = {
            "page_url": _("Optional. We fill in the page you came from, if we know it."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
