"""Every email the site sends goes through here.

Callers store first (a ``Submission``, a registration, a booking) and then call
``send_email`` or ``send_email_in``. Neither talks to a mail server: each stores the
email (``OutgoingEmail``) and queues a task that sends it (``core.tasks``), with retries,
so a request never waits for a mail server and a failing one never loses an email.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutgoingAttachment, OutgoingEmail


def send_email(to, subject, body, *, attachments=(), reply_to=()):
    """Queue a plain-text email to the addresses in ``to``; return the stored email.

    ``attachments`` are ``(filename, content, mimetype)`` triples, ``content`` a
    string or bytes.
    """
    from .tasks import enqueue_sending

    with transaction.atomic():
        email = OutgoingEmail.objects.create(
            to=list(to),
            reply_to=list(reply_to),
            subject=str(subject),
            body=body,
            next_attempt_at=timezone.now(),
        )
        OutgoingAttachment.objects.bulk_create(
            OutgoingAttachment(
                email=email,
                filename=filename,
                content=content.encode() if isinstance(content, str) else content,
                mimetype=mimetype,
            )
            for filename, content, mimetype in attachments
        )
        enqueue_sending(email)
    return email


def send_email_in(language, to, subject, template_name, context, **kwargs):
    """``send_email`` with subject and body rendered in ``language`` (the reader's)."""
    with translation.override(language):
        subject = str(subject)
        body = render_to_string(template_name, context)
    return send_email(to, subject, body, **kwargs)


def notify_office(subject, template_name, context):
    """Queue an email to the office, in German; return the stored email."""
    return send_email_in(
        settings.LANGUAGE_CODE, [settings.OFFICE_EMAIL], subject, template_name, context
    )


def announce_submission(submission, subject, template_name):
    """Queue the office's notice of a stored ``submission`` (``submission`` in the template)
    and note on it that the notice is queued."""
    notify_office(subject, template_name, {"submission": submission})
    submission.office_notified = True
    submission.save(update_fields=["office_notified"])
