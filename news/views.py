from django.db.models import Q
from django.views.generic import DetailView, ListView

from core.cache import reads_query_parameters
from core.preview import PreviewableMixin
from core.structured_data import berlin_time, image_url
from core.views import is_filtered

from .forms import PostFilterForm
from .models import Post


@reads_query_parameters("page", *PostFilterForm.base_fields)
class PostListView(ListView):
    """The news list, newest first, filtered by kind and year."""

    paginate_by = 10

    def get_queryset(self):
        listed = Post.objects.listed()
        self.filter_form = PostFilterForm(
            self.request.GET, years=lambda: listed.years("published_at")
        )
        return self.filter_form.filter(listed).latest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = is_filtered(self.request)
        context["cards"] = context["page_obj"].object_list.as_cards()
        return context


class PostDetailView(PreviewableMixin, DetailView):
    """One post, with its related member organisations and projects.

    An expired job posting still answers here; it is only taken off the list.
    Staff see drafts and scheduled posts too (``PreviewableMixin``).
    """

    model = Post

    def get_queryset(self):
        posts = super().get_queryset().select_related("cover_image")
        # A preview compares the languages (outdated_translation_notice): it needs them all.
        return posts if self.previewing else posts.in_shown_languages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post = self.object
        # The related links and the older and newer post are the same for every visitor:
        # the template shows them from a shared fragment, and these queries run only when
        # it is rendered anew (the template calls ``first``, once, in a ``with``).
        context["organisations"] = post.organisations.active()
        context["projects"] = post.projects.published().in_shown_languages()
        listed = Post.objects.listed().only("slug", "title").in_shown_languages()
        same_time = Q(published_at=post.published_at)
        context["previous_post"] = (
            listed.filter(Q(published_at__lt=post.published_at) | same_time & Q(pk__lt=post.pk))
            .latest_first()
            .first
        )
        context["next_post"] = (
            listed.filter(Q(published_at__gt=post.published_at) | same_time & Q(pk__gt=post.pk))
            .order_by("published_at", "pk")
            .first
        )
        context["structured_data"] = post_structured_data(post, self.request)
        return context


def post_structured_data(post, request):
    """The post as a schema.org NewsArticle, for search results and shared links.

    The default author is the association itself; any other author a person.
    """
    association_writes = post.author == Post._meta.get_field("author").default
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.teaser,
        "url": request.build_absolute_uri(post.get_absolute_url()),
        "datePublished": berlin_time(post.published_at),
        "dateModified": berlin_time(post.updated_at),
        "image": image_url(request, post.cover_image),
        "author": {
            "@type": "Organization" if association_writes else "Person",
            "name": post.author,
        },
        "inLanguage": request.LANGUAGE_CODE,
    }
    return {key: value for key, value in data.items() if value not in (None, "")}
