"""Emails to the office. A failed email never loses what a visitor sent:
the caller stores first and then notifies."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def notify_office(subject, template_name, context):
    """Email the office in German; return whether the email went out."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(subject)
        body = render_to_string(template_name, context)
    try:
        send_mail(subject, body, None, [settings.OFFICE_EMAIL])
    except Exception:
        logger.exception("Could not email the office about %s", subject)
        return False
    return True
