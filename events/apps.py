from django.utils.translation import gettext_lazy as _

from core.apps import ContentAppConfig


class EventsConfig(ContentAppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.tasks import daily_job

        from .registrations import forget_past_registrants, send_reminders

        # The names are what DailyJobRun records: they stay the same across releases.
        daily_job(send_reminders, name="events.send_reminders")
        daily_job(forget_past_registrants, name="events.forget_past_registrants")
