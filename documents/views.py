from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from django.views.generic import ListView

from core.preview import may_preview

from .models import Document


class DocumentListView(ListView):
    """All documents the visitor may see, grouped by category in the order of the choices."""

    template_name = "documents/document_list.html"

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_category = {}
        for document in context["object_list"]:
            by_category.setdefault(document.category, []).append(document)
        context["categories"] = [
            {"code": code, "label": label, "documents": by_category[code]}
            for code, label in Document.Category.choices
            if code in by_category
        ]
        return context


@require_GET
def download(request, slug):
    """The PDF itself, for those who may see it, under a readable file name.

    Editors may also open drafts, as the admin's preview links do.
    """
    previewing = may_preview(request.user, Document)
    documents = Document.objects.all() if previewing else Document.objects.visible_to(request.user)
    document = get_object_or_404(documents, slug=slug)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if document.members_only or previewing:
        # Never kept by shared caches or proxies.
        patch_cache_control(response, private=True, no_store=True)
    return response
