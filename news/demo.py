"""Demo content for the news: posts the association published between 2017 and 2022.

Member organisations are linked by slug when the members demo has created them
(it runs first). Projects load after the news, so posts are not linked to them here.
"""

import datetime

from core.demo import illustrated, read_json, translated_fields
from members.models import MemberOrganisation

from .models import Post

POST_FIELDS = ("title", "teaser", "body")


def load():
    created = 0
    for data in read_json(__file__, "posts.json"):
        deadline = data.get("application_deadline")
        post, is_new = Post.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "kind": data["kind"],
                "author": data["author"],
                "published_at": datetime.datetime.fromisoformat(data["published_at"]),
                "application_deadline": deadline and datetime.date.fromisoformat(deadline),
                "is_published": True,
                **translated_fields(data, POST_FIELDS),
                **illustrated("cover_image", data),
            },
        )
        if is_new:
            slugs = data.get("organisations", [])
            post.organisations.set(MemberOrganisation.objects.filter(slug__in=slugs))
            created += 1
    return created
