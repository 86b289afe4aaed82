from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Member accounts")

    def ready(self):
        from core.tasks import daily_job
        from events.models import Event

        from . import account_log
        from .signals import event_saved

        post_save.connect(event_saved, sender=Event, dispatch_uid="accounts-event-proposal")
        account_log.connect()
        daily_job(account_log.prune_account_log, name="accounts.prune_account_log")
