from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("feed/rss/", feeds.LatestPostsFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed-atom"),
    path("<slug:slug>/", views.PostDetailView.as_view(), name="post-detail"),
]
