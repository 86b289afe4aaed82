"""The office publishes a member's proposed event in the event admin: the member is told."""

from django.db import transaction

from .models import EventProposal, Review


def event_saved(sender, instance, **kwargs):
    if not instance.is_published:
        return
    proposal = EventProposal.objects.filter(event=instance, status=Review.NEW).first()
    if proposal:
        transaction.on_commit(proposal.event_published)
