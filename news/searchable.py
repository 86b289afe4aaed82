from django.db.models import F
from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Post

register(
    Searchable(
        Post,
        kind="news",
        label=_("News"),
        searched=lambda user: Post.objects.listed(),
        translated=["title", "teaser", "body"],
        moment=F("published_at"),
        snippet="teaser",
        template="news/includes/search_result.html",
    )
)
