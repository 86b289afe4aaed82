"""How django-allauth fits the site: no sign-up, the real client address, mail via core.mail."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.template.loader import render_to_string

from core.mail import send_email
from core.proxies import client_address


def login_name(request, credentials):
    """The name django-axes counts failed logins under: allauth's login form sends the
    email address, Django's the user name."""
    return credentials.get("email") or credentials.get("username")


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Accounts exist by the office's invitation only (accounts.invitations).
        return False

    def get_client_ip(self, request):
        return client_address(request)

    def send_mail(self, template_prefix, email, context):
        """allauth's emails, sent through ``core.mail`` like every other email, in the
        language the person is using the site in (the request's, active here)."""
        request = self.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        subject = render_to_string(f"{template_prefix}_subject.txt", context, request)
        subject = self.format_email_subject(" ".join(subject.splitlines()).strip())
        body = render_to_string(f"{template_prefix}_message.txt", context, request).strip()
        send_email([email], subject, body)
