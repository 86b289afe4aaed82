"""Staff preview of content before it is published.

Visitors see only what ``published()`` lets through. Staff who may change a
model also see its drafts and scheduled items, on the real public page and in
any language, so they can check an item before publishing it. Such pages have
``previewing`` in their context (and ``preview`` for an unpublished item: the
banner says so) and are never stored by any cache.
"""

from functools import cached_property

from django.contrib.auth import get_permission_codename
from django.utils.cache import patch_cache_control


def may_preview(user, model):
    """Whether ``user`` may see ``model``'s unpublished items: staff with change permission."""
    opts = model._meta
    codename = get_permission_codename("change", opts)
    return user.is_active and user.is_staff and user.has_perm(f"{opts.app_label}.{codename}")


class PreviewableMixin:
    """For a ``DetailView`` of a ``Publishable`` model.

    Give the view all items (``queryset = Post.objects.select_related(...)``):
    the mixin narrows them to ``published()`` for everyone who may not preview.
    """

    @cached_property
    def previewing(self):
        model = self.model if self.model is not None else self.queryset.model
        return may_preview(self.request.user, model)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.previewing else queryset.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_visible
        context["previewing"] = self.previewing
        return context

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if self.previewing:
            patch_cache_control(response, private=True, no_store=True)
        return response
