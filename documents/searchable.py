from django.db.models import DateTimeField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import Document

register(
    Searchable(
        Document,
        kind="document",
        label=_("Document"),
        searched=lambda user: Document.objects.visible_to(user),
        translated=["title"],
        moment=Cast("date", DateTimeField()),
        template="documents/includes/search_result.html",
    )
)
