from django.db import models

from core.models import Publishable, Submission


class Notice(Publishable):
    """A new kind of content, as an app added later would define it."""

    title = models.CharField(max_length=200)

    def __str__(self):
        return self.title


class Suggestion(Submission):
    """A new kind of form that visitors send."""

    text = models.TextField()

    def __str__(self):
        return self.text[:40]
