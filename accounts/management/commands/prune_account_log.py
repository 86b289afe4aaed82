from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import AccountEvent


class Command(BaseCommand):
    help = "Delete the account log's lines older than ACCOUNT_LOG_DAYS (run it daily)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.ACCOUNT_LOG_DAYS)
        deleted, _by_model = AccountEvent.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} account log lines older than {cutoff:%Y-%m-%d} deleted.")
