"""A person's data: all of it to download (GDPR Art. 15), and the account's deletion (Art. 17).

What an account holds elsewhere is found by type: every concrete subclass of
``AccountRecord``, in any app, including ones added later.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import transaction

from core.models import AccountRecord


def record_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, AccountRecord) and not model._meta.abstract
    ]


def personal_data(user):
    """Everything the site holds about ``user``, ready for ``json.dumps``."""
    membership = getattr(user, "membership", None)
    data = {
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": list(user.groups.order_by("name").values_list("name", flat=True)),
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
        ),
        # Which second factors exist, never their secrets.
        "two_factor": [
            {"type": kind, "created_at": created.isoformat()}
            for kind, created in Authenticator.objects.filter(user=user).values_list(
                "type", "created_at"
            )
        ],
        "membership": (
            {
                "organisation": membership.organisation.name,
                "linked_since": membership.created_at.isoformat(),
            }
            if membership
            else None
        ),
    }
    for model in record_models():
        records = model._default_manager.filter(account=user)
        data[model._meta.label_lower] = [record.personal_data() for record in records]
    return data


@transaction.atomic
def delete_account(user):
    """Anonymise what the account's records hold about the person, then delete the account.

    The records stay for the office (a booking, a proposal) with ``account`` empty.
    """
    for model in record_models():
        for record in model._default_manager.filter(account=user):
            record.anonymise()
    user.delete()
