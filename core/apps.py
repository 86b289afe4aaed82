"""What every content app builds on, and how shared mechanisms find content by type.

A content app's ``AppConfig`` subclasses ``ContentAppConfig``: then every model
it defines is *content*, shown to visitors, and gets the page cache's
invalidation, history in the back office and the Office role's permissions
without being named anywhere else. A model that holds only what visitors send
subclasses ``core.models.Submission`` instead; it is kept out of those and
listed in the office's inbox. A model whose rows are worked out from other content
when that is saved (an event's dates) says ``derived_content = True``: it is saved
with its source, which brings the cache, history and permissions along.
"""

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class ContentAppConfig(AppConfig):
    """Base for the ``AppConfig`` of every app whose models visitors see."""


def is_content_model(model):
    """Does ``model`` hold what visitors see (not what they send)?

    Auto-created many-to-many tables count as content of their app: adding an
    organisation's language changes the directory as much as renaming it.
    """
    from .models import Submission

    # Models outside the live registry (migrations' historical ones) have no such config.
    config = model._meta.app_config
    return (
        isinstance(config, ContentAppConfig)
        and not issubclass(model, Submission)
        and not getattr(model, "derived_content", False)
    )


def content_models():
    """Every concrete content model, in the order of ``INSTALLED_APPS``."""
    return [
        model
        for model in apps.get_models()
        if is_content_model(model) and not model._meta.auto_created
    ]


def submission_models():
    """Every model that stores what visitors send."""
    from .models import Submission

    return [model for model in apps.get_models() if issubclass(model, Submission)]


class CoreConfig(AppConfig):
    name = "core"
    # In the admin: the outgoing emails (core.mail) are what it shows of core.
    verbose_name = _("Site operation")

    def ready(self):
        from .cache import connect_signals
        from .tasks import daily_job, delete_sent_emails

        connect_signals()
        daily_job(delete_sent_emails, name="core.delete_sent_emails")
