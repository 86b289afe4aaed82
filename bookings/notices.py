"""The emails about a booking: to the member who booked, in the language they booked in,
with the booking as an ``.ics`` file, and to the office."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import announce_submission, send_email_in

from .ical import booking_calendar


def _tell_member(booking, request, subject, template_name):
    account = booking.account
    if account is None or not account.email:
        return
    attachment = (
        "booking.ics",
        booking_calendar(booking, request.get_host()).to_ical(),
        "text/calendar",
    )
    with translation.override(booking.language):
        url = request.build_absolute_uri(booking.get_absolute_url())
    context = {"booking": booking, "url": url}
    send_email_in(
        booking.language,
        [account.email],
        subject,
        template_name,
        context,
        attachments=[attachment],
    )


def booked(booking, request):
    """Confirm a new booking to the member and announce it to the office."""
    _tell_member(booking, request, _("Your booking is confirmed"), "bookings/email/confirmed.txt")
    announce_submission(booking, _("New booking"), "bookings/email/office.txt")


def cancelled(booking, request):
    """Tell the member that the booking is cancelled, and by the office, why."""
    _tell_member(booking, request, _("Your booking is cancelled"), "bookings/email/cancelled.txt")
