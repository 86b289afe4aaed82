from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from core.forms import RATE_LIMIT, count_attempt
from members.models import MemberOrganisation

TOO_OFTEN = _("You have sent this form too often. Please try again in an hour.")


class InvitationForm(forms.Form):
    """The office's invitation of a person (in the admin, ``accounts.admin``)."""

    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=MemberOrganisation.objects.order_by("name")
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The email, and the page where the person sets a password, are in it."),
    )

    def __init__(self, *args, sender, **kwargs):
        self.sender = sender
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        taken = (
            get_user_model().objects.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        )
        if taken:
            raise forms.ValidationError(
                _("An account with this email address exists already."), code="taken"
            )
        return email

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            sent = count_attempt(f"rate-limit:invitation:{self.sender.pk}")
            if sent > settings.INVITATIONS_PER_HOUR:
                raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        return cleaned_data


class InvitationPasswordForm(SetPasswordForm):
    """The invited person's new password, limited per client address."""

    def __init__(self, user, *args, client_address, **kwargs):
        self.client_address = client_address
        super().__init__(user, *args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        if count_attempt(f"rate-limit:invitation-password:{self.client_address}") > RATE_LIMIT:
            raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        return cleaned_data


class DeleteAccountForm(forms.Form):
    """Deleting one's account asks for the password: a session left open is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if count_attempt(f"rate-limit:delete-account:{self.user.pk}") > RATE_LIMIT:
            raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
