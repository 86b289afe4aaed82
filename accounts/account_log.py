"""The account log: Django's, allauth's and the models' signals write ``AccountEvent`` lines.

Connected in ``AccountsConfig.ready``. Rights are logged whichever way they change (the
admin, the shell, a migration): by signals on the user model and its groups and
permissions, not in one form.
"""

from datetime import timedelta

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.db.models.signals import m2m_changed, pre_save
from django.utils import timezone

from core.proxies import client_address

from .models import AccountEvent

Kind = AccountEvent.Kind


def log(kind, account=None, *, request=None, login="", detail="", actor=None):
    if account is not None and not login:
        login = account.email or account.get_username()
    AccountEvent.objects.create(
        kind=kind,
        account=account,
        login=login[:254],
        address=(client_address(request) or None) if request is not None else None,
        detail=detail[:300],
        actor=actor,
    )


def logged_in(sender, request, user, **kwargs):
    log(Kind.LOGGED_IN, user, request=request)


def login_failed(sender, credentials, request=None, **kwargs):
    login = credentials.get("email") or credentials.get("username") or ""
    account = get_user_model().objects.filter(email__iexact=login).first() if login else None
    log(Kind.LOGIN_FAILED, account, request=request, login=login)


def logged_out(sender, request, user, **kwargs):
    if user is not None:
        log(Kind.LOGGED_OUT, user, request=request)


def password_reset(sender, request, user, **kwargs):
    log(Kind.PASSWORD_RESET, user, request=request)


def password_changed(sender, request, user, **kwargs):
    log(Kind.PASSWORD_CHANGED, user, request=request)


def email_changed(sender, request, user, from_email_address, to_email_address, **kwargs):
    old = from_email_address.email if from_email_address else ""
    log(Kind.EMAIL_CHANGED, user, request=request, detail=f"{old} → {to_email_address.email}")


def two_factor_changed(sender, request, user, authenticator, **kwargs):
    log(Kind.TWO_FACTOR_CHANGED, user, request=request, detail=authenticator.type)


def rights_saved(sender, instance, raw=False, **kwargs):
    """Before an account is saved: log a change of its staff or superuser flag."""
    if raw or instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values("is_staff", "is_superuser").first()
    after = {"is_staff": instance.is_staff, "is_superuser": instance.is_superuser}
    if before is not None and before != after:
        detail = ", ".join(f"{name}: {before[name]} → {after[name]}" for name in after)
        log(Kind.STAFF_CHANGED, instance, detail=detail)


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """After groups or single permissions of accounts changed: one line per account."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    User = get_user_model()
    accounts = User.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    for account in accounts:
        groups = ", ".join(account.groups.order_by("name").values_list("name", flat=True))
        permissions = account.user_permissions.count()
        detail = f"groups: {groups or '-'}; single permissions: {permissions}"
        log(Kind.GROUPS_CHANGED, account, detail=detail)


def connect():
    User = get_user_model()
    auth_signals.user_logged_in.connect(logged_in, dispatch_uid="account-log-in")
    auth_signals.user_login_failed.connect(login_failed, dispatch_uid="account-log-failed")
    auth_signals.user_logged_out.connect(logged_out, dispatch_uid="account-log-out")
    account_signals.password_reset.connect(password_reset, dispatch_uid="account-log-reset")
    account_signals.password_changed.connect(password_changed, dispatch_uid="account-log-pw")
    account_signals.password_set.connect(password_changed, dispatch_uid="account-log-pw-set")
    account_signals.email_changed.connect(email_changed, dispatch_uid="account-log-email")
    for signal in (mfa_signals.authenticator_added, mfa_signals.authenticator_removed):
        signal.connect(two_factor_changed, dispatch_uid=f"account-log-mfa-{id(signal)}")
    pre_save.connect(rights_saved, sender=User, dispatch_uid="account-log-rights")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(groups_changed, sender=through, dispatch_uid=f"account-log-{through}")


def prune_account_log():
    """Delete the lines older than ``ACCOUNT_LOG_DAYS``, as the privacy page promises (a
    daily job, ``accounts.apps``)."""
    cutoff = timezone.now() - timedelta(days=settings.ACCOUNT_LOG_DAYS)
    AccountEvent.objects.filter(at__lt=cutoff).delete()
