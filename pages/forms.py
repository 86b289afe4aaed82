from django import forms

from miso_site.forms import SpamProtectedForm

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
