"""Every email the site sends goes through here.

Callers store first (a ``Submission``, a registration, a booking) and then call
``send_email`` or ``send_email_in``; a failing mail server never loses what a
person sent.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_email(to, subject, body, *, attachments=(), reply_to=()):
    """Send a plain-text email to the addresses in ``to``; return whether it went out.

    ``attachments`` are ``(filename, content, mimetype)`` triples, ``content`` a
    string or bytes.
    """
    message = EmailMessage(str(subject), body, None, list(to), reply_to=list(reply_to))
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the email %r", str(subject))
        return False
    return True


def send_email_in(language, to, subject, template_name, context, **kwargs):
    """``send_email`` with subject and body rendered in ``language`` (the reader's)."""
    with translation.override(language):
        subject = str(subject)
        body = render_to_string(template_name, context)
    return send_email(to, subject, body, **kwargs)


def notify_office(subject, template_name, context):
    """Email the office in German; return whether the email went out."""
    return send_email_in(
        settings.LANGUAGE_CODE, [settings.OFFICE_EMAIL], subject, template_name, context
    )
