from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Member accounts")

    def ready(self):
        from . import account_log

        account_log.connect()
