import datetime
import itertools

from django.utils import timezone

from news.models import Post

_numbers = itertools.count(1)


def make_post(**overrides):
    """A published post from yesterday; every call gets its own slug."""
    number = next(_numbers)
    fields = {
        "slug": f"post-{number}",
        "title_de": f"Meldung {number}",
        "title_en": f"Post {number}",
        "teaser_de": f"Anrisstext der Meldung {number}.",
        "teaser_en": f"Teaser of post {number}.",
        "body_de": f"<p>Text der Meldung {number}.</p>",
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    return Post.objects.create(**(fields | overrides))


def make_job_posting(deadline, **overrides):
    return make_post(kind=Post.Kind.JOB, application_deadline=deadline, **overrides)


def make_many_posts(count, **overrides):
    """``count`` published posts, one hour apart, created in one query."""
    now = timezone.now()
    return Post.objects.bulk_create(
        Post(
            slug=f"bulk-{number}",
            title_de=f"Meldung {number}",
            title_en=f"Post {number}",
            teaser_de="Kurz.",
            body_de="<p>" + "Wort " * 300 + "</p>",
            kind=Post.Kind.values[number % len(Post.Kind.values)],
            is_published=True,
            published_at=now - datetime.timedelta(hours=number + 1),
            **overrides,
        )
        for number in range(count)
    )


def words(count, word="word"):
    return "<p>" + " ".join([word] * count) + "</p>"
